import { saveSuiteSchema } from '@/lib/api/suite-inputs';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { deleteSuite, updateSuite } from '@/lib/suites/manage';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Replaces a suite's name, prompts and settings; runs keep the suite as they ran it. */
export function PUT(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const input = await parseBody(request, saveSuiteSchema);
    const suite = await updateSuite({ id, ownerId: currentViewer().id, input });
    return Response.json({ suite });
  });
}

export function DELETE(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    await deleteSuite({ id, ownerId: currentViewer().id });
    return new Response(null, { status: 204 });
  });
}
