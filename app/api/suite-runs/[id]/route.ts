import { updateSuiteRunSchema } from '@/lib/api/suite-inputs';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { deleteSuiteRun, setRunStatus } from '@/lib/suites/runs/control';
import { getSuiteRun } from '@/lib/suites/runs/read-run';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** A run's grid: every item's answers with verdicts and speeds, and its progress. */
export function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const run = await getSuiteRun({ id, ownerId: currentViewer().id });
    return Response.json({ run });
  });
}

/** Pauses or resumes a run. */
export function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const { status } = await parseBody(request, updateSuiteRunSchema);
    const ownerId = currentViewer().id;
    await setRunStatus({ id, ownerId, status });
    return Response.json({ run: await getSuiteRun({ id, ownerId }) });
  });
}

/** Deletes a run and its conversations. */
export function DELETE(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    await deleteSuiteRun({ id, ownerId: currentViewer().id });
    return new Response(null, { status: 204 });
  });
}
