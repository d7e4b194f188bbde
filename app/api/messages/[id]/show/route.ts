import { showMessage } from '@/lib/generation/control';
import { currentViewer } from '@/lib/http/request-context';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** POST /api/messages/:id/show — puts that attempt on show in its cell. */
export function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    return Response.json({ message: await showMessage({ id, ownerId: currentViewer().id }) });
  });
}
