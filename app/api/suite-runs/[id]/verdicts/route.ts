import { judgeCellSchema } from '@/lib/api/suite-inputs';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { judgeCell } from '@/lib/suites/runs/control';
import { getSuiteRun } from '@/lib/suites/runs/read-run';

export const dynamic = 'force-dynamic';

/** A person's pass or fail on one answer of the run (null hands it back to the check). */
export function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const cell = await parseBody(request, judgeCellSchema);
    const ownerId = currentViewer().id;
    await judgeCell({ runId: id, ownerId, ...cell });
    return Response.json({ run: await getSuiteRun({ id, ownerId }) });
  });
}
