import { startSuiteRunSchema } from '@/lib/api/suite-inputs';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { startSuiteRun } from '@/lib/suites/runs/start-run';

export const dynamic = 'force-dynamic';

/** Starts a run of the suite over a lineup; it goes on in the background. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const input = await parseBody(request, startSuiteRunSchema);
    const run = await startSuiteRun({ suiteId: id, ...currentReader(), input });
    return Response.json({ run }, { status: 201 });
  });
}
