import { retryMessage } from '@/lib/generation/control';
import { handle } from '@/lib/http/respond';
import { getLocalUser } from '@/lib/users';

export const dynamic = 'force-dynamic';

export function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const user = await getLocalUser();
    return Response.json({ message: await retryMessage({ id, ownerId: user.id }) });
  });
}
