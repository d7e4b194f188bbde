import { updateShareSchema } from '@/lib/api/inputs';
import { currentReader, currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { revokeShare, updateShare } from '@/lib/shares/manage';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Updates a share: a new snapshot (`refresh`), its options or its expiry. */
export function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const changes = await parseBody(request, updateShareSchema);
    const share = await updateShare({ id, ...currentReader(), ...changes });
    return Response.json({ share });
  });
}

/** Revokes a share: its link answers 404 from now on. */
export function DELETE(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    await revokeShare({ id, ownerId: currentViewer().id });
    return new Response(null, { status: 204 });
  });
}
