import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { addTurnSchema } from '@/lib/api/inputs';
import { startTurn } from '@/lib/generation/start-turn';
import { assertMessagesOwned, type Subscription, streamEvents } from '@/lib/generation/subscribe';
import type { RouteParams } from './api-routes';
import { SSE_HEADERS, sendJson } from './node-io';
import { MAX_JSON_BODY_BYTES, readJsonBody } from './read-body';
import { currentViewer } from './request-context';
import { parseInput } from './respond';

/**
 * The streaming API, served by Node's HTTP server directly rather than by a Next.js route
 * handler (the gate hands these over; see api-routes.ts). These routes carry every token and
 * start every turn; on the Next.js path a request spent 2–7 ms in routing before reaching its
 * handler, and each token crossed two web streams and a compression wrapper on its way to the
 * socket. Everything else is served by Next.js.
 */

/**
 * How much unsent event text one connection may hold. A client that stops reading is cut off
 * here instead of making the server keep the rest of the answer in memory; it re-attaches with
 * its last event id and gets what it missed in a few coalesced events.
 */
export const MAX_BUFFERED_BYTES = 512 * 1024;

/** POST /api/conversations/:id/turns — `{ prompt }`; answers 201 `{ turn }`. */
export async function addTurn(req: IncomingMessage, res: ServerResponse, params: RouteParams) {
  const { prompt } = parseInput(addTurnSchema, await readJsonBody(req, MAX_JSON_BODY_BYTES));
  const turn = await startTurn({
    conversationId: params.id ?? '',
    ownerId: currentViewer().id,
    prompt,
  });
  sendJson(res, 201, { turn });
}

// `m=<messageId>` or `m=<messageId>:<last event id>`, once per message (the UI: one per turn).
const eventsQuerySchema = z
  .array(z.string().regex(/^[\w-]{1,64}(:[\w.]{1,80})?$/, 'm=<messageId>[:<last event id>]'))
  .min(1)
  .max(12);

/** GET /api/events?m=… — the events of up to 12 messages on one SSE connection. */
export async function eventsOfMessages(
  _req: IncomingMessage,
  res: ServerResponse,
  _params: RouteParams,
  url: URL,
) {
  const params = parseInput(eventsQuerySchema, url.searchParams.getAll('m'));
  const subscriptions = params.map((param) => {
    const [messageId = '', lastEventId = null] = param.split(':');
    return { messageId, lastEventId };
  });
  await sse(res, subscriptions);
}

/** GET /api/messages/:id/events — one message's events; resumes after `Last-Event-ID`. */
export async function eventsOfMessage(
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
) {
  const lastEventId = req.headers['last-event-id'];
  await sse(res, [
    {
      messageId: params.id ?? '',
      lastEventId: typeof lastEventId === 'string' ? lastEventId : null,
    },
  ]);
}

async function sse(res: ServerResponse, subscriptions: Subscription[]) {
  // The gate has refused messages that are not the viewer's (api-routes.ts, `owns`); this
  // second look, once per connection, keeps a stream from ever starting on a wrong rule.
  await assertMessagesOwned(
    currentViewer().id,
    subscriptions.map((subscription) => subscription.messageId),
  );
  // The client may have left while ownership was checked; nothing would end the subscription.
  if (res.destroyed || res.socket?.destroyed) return;
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  const stop = streamEvents(subscriptions, {
    write: (chunk) => {
      res.write(chunk);
      if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
    },
    end: () => res.end(),
  });
  res.once('close', stop);
}
