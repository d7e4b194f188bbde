import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { addTurnSchema } from '@/lib/api/inputs';
import { startTurn } from '@/lib/generation/start-turn';
import { assertMessagesOwned, type Subscription, streamEvents } from '@/lib/generation/subscribe';
import { getLocalUser } from '@/lib/users';
import { readJson, SSE_HEADERS, sendError, sendJson } from './node-io';
import { parseInput } from './respond';

/**
 * The streaming API, served by Node's HTTP server directly rather than by a Next.js route
 * handler (scripts/server.mjs asks here first). These routes carry every token and start every
 * turn; on the Next.js path a request spent 2–7 ms in routing before reaching its handler, and
 * each token crossed two web streams and a compression wrapper on its way to the socket.
 * Everything else is served by Next.js.
 */
export function serveNodeRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = URL.parse(req.url ?? '/', 'http://localhost');
  // A target no URL parser accepts is not one of ours; Next.js answers it.
  if (!url) return false;
  const route = match(req.method ?? 'GET', url.pathname);
  if (!route) return false;
  route(req, res, url).catch((error: unknown) => sendError(res, error));
  return true;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const TURNS = /^\/api\/conversations\/([^/]+)\/turns$/;
const MESSAGE_EVENTS = /^\/api\/messages\/([^/]+)\/events$/;

function match(method: string, pathname: string): Handler | null {
  if (method === 'GET' && pathname === '/api/events') return events;
  const turns = TURNS.exec(pathname);
  if (method === 'POST' && turns) return (req, res) => addTurn(req, res, param(turns[1]));
  const messageEvents = MESSAGE_EVENTS.exec(pathname);
  if (method === 'GET' && messageEvents) {
    return (req, res) => messageEventsOf(req, res, param(messageEvents[1]));
  }
  return null;
}

function param(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return '';
  }
}

/** POST /api/conversations/:id/turns — `{ prompt }`; answers 201 `{ turn }`. */
async function addTurn(req: IncomingMessage, res: ServerResponse, conversationId: string) {
  const { prompt } = parseInput(addTurnSchema, await readJson(req));
  const user = await getLocalUser();
  const turn = await startTurn({ conversationId, ownerId: user.id, prompt });
  sendJson(res, 201, { turn });
}

// `m=<messageId>` or `m=<messageId>:<last event id>`, once per message (the UI: one per turn).
const eventsQuerySchema = z
  .array(z.string().regex(/^[\w-]{1,64}(:\d+\.(\d+|db))?$/, 'm=<messageId>[:<last event id>]'))
  .min(1)
  .max(12);

/** GET /api/events?m=… — the events of up to 12 messages on one SSE connection. */
async function events(_req: IncomingMessage, res: ServerResponse, url: URL) {
  const params = parseInput(eventsQuerySchema, url.searchParams.getAll('m'));
  const subscriptions = params.map((param) => {
    const [messageId = '', lastEventId = null] = param.split(':');
    return { messageId, lastEventId };
  });
  await sse(res, subscriptions);
}

/** GET /api/messages/:id/events — one message's events; resumes after `Last-Event-ID`. */
async function messageEventsOf(req: IncomingMessage, res: ServerResponse, messageId: string) {
  const lastEventId = req.headers['last-event-id'];
  await sse(res, [
    { messageId, lastEventId: typeof lastEventId === 'string' ? lastEventId : null },
  ]);
}

async function sse(res: ServerResponse, subscriptions: Subscription[]) {
  const user = await getLocalUser();
  await assertMessagesOwned(
    user.id,
    subscriptions.map((subscription) => subscription.messageId),
  );
  // The client may have left while ownership was checked; nothing would end the subscription.
  if (res.destroyed || res.socket?.destroyed) return;
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
  const stop = streamEvents(subscriptions, {
    write: (chunk) => res.write(chunk),
    end: () => res.end(),
  });
  res.once('close', stop);
}
