import { saveSuiteSchema } from '@/lib/api/suite-inputs';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { createSuite, listSuites } from '@/lib/suites/manage';

export const dynamic = 'force-dynamic';

/** The viewer's suites with their latest runs (the starter battery for a newcomer). */
export function GET() {
  return handle(async () => {
    const suites = await listSuites({ ownerId: currentViewer().id });
    return Response.json({ suites });
  });
}

export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, saveSuiteSchema);
    const suite = await createSuite({ ownerId: currentViewer().id, input });
    return Response.json({ suite }, { status: 201 });
  });
}
