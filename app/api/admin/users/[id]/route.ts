import { updateUserSchema } from '@/lib/api/inputs';
import { updateUser } from '@/lib/auth/users';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Admin only: approve, change the role of, or disable an account. */
export function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const input = await parseBody(request, updateUserSchema);
    return Response.json({ user: await updateUser({ id, actorId: currentViewer().id, ...input }) });
  });
}
