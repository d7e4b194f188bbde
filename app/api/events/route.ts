import { z } from 'zod';
import { eventStream } from '@/lib/generation/subscribe';
import { handle, parseInput } from '@/lib/http/respond';
import { sseResponse } from '@/lib/http/sse';
import { getLocalUser } from '@/lib/users';

export const dynamic = 'force-dynamic';

// `m=<messageId>` or `m=<messageId>:<last event id>`, once per message (the UI: one per turn).
const querySchema = z
  .array(z.string().regex(/^[\w-]{1,64}(:\d+\.(\d+|db))?$/, 'm=<messageId>[:<last event id>]'))
  .min(1)
  .max(12);

export function GET(request: Request) {
  return handle(async () => {
    const params = parseInput(querySchema, new URL(request.url).searchParams.getAll('m'));
    const user = await getLocalUser();
    const subscriptions = params.map((param) => {
      const [messageId = '', lastEventId = null] = param.split(':');
      return { messageId, lastEventId };
    });
    return sseResponse(await eventStream({ ownerId: user.id, subscriptions }));
  });
}
