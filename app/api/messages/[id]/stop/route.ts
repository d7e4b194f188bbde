import { stopMessage } from '@/lib/generation/control';
import { currentViewer } from '@/lib/http/request-context';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const user = currentViewer();
    return Response.json({ message: await stopMessage({ id, ownerId: user.id }) });
  });
}
