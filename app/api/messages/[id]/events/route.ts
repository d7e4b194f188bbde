import { eventStream } from '@/lib/generation/subscribe';
import { handle } from '@/lib/http/respond';
import { sseResponse } from '@/lib/http/sse';
import { getLocalUser } from '@/lib/users';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const user = await getLocalUser();
    const stream = await eventStream({
      ownerId: user.id,
      subscriptions: [{ messageId: id, lastEventId: request.headers.get('last-event-id') }],
    });
    return sseResponse(stream);
  });
}
