import { messageEventStream } from '@/lib/generation/subscribe';
import { handle } from '@/lib/http/respond';
import { getLocalUser } from '@/lib/users';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const user = await getLocalUser();
    const stream = await messageEventStream({
      id,
      ownerId: user.id,
      lastEventId: request.headers.get('last-event-id'),
    });
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // no-transform keeps compression (which buffers) off this response.
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  });
}
