import { updateBackendSchema } from '@/lib/api/inputs';
import { removeBackend, updateBackend } from '@/lib/catalog/manage-backends';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Admin only: rename, re-address, re-key, enable or disable a backend. */
export function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const input = await parseBody(request, updateBackendSchema);
    const backend = await updateBackend({ id, input, actorId: currentViewer().id });
    return Response.json({ backend });
  });
}

/** Admin only: remove a backend; its conversations keep its name (lib/catalog/manage-backends). */
export function DELETE(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    await removeBackend({ id, actorId: currentViewer().id });
    return new Response(null, { status: 204 });
  });
}
