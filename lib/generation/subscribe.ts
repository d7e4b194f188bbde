import 'server-only';
import type { MessageStatus } from '@/lib/api/views';
import { metricsOf, toMessageView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { sseFrame } from './live-message';
import { liveMessages } from './registry';

const KEEPALIVE_MS = 15_000;
const POLL_MS = 1_000;
const FINAL: MessageStatus[] = ['done', 'stopped', 'error', 'interrupted'];

const encoder = new TextEncoder();

/**
 * The event stream of one message as SSE bytes. A live message streams from memory (replay
 * after Last-Event-ID, else a snapshot, then every event in the tick it happens). A message
 * this process does not run is read from the database: final ones as snapshot + done; ones
 * another instance runs are followed through its checkpoints.
 */
export async function messageEventStream({
  id,
  ownerId,
  lastEventId,
}: {
  id: string;
  ownerId: string;
  lastEventId: string | null;
}): Promise<ReadableStream<Uint8Array>> {
  const owned = await db.message.findFirst({
    where: { id, turn: { conversation: { ownerId } } },
    select: { id: true },
  });
  if (!owned) throw new AppError('not_found', 'No such message.');

  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (frame: string) => {
        if (!closed) controller.enqueue(encoder.encode(frame));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const keepalive = setInterval(() => send(': keep-alive\n\n'), KEEPALIVE_MS);
      let unsubscribe = () => {};
      cleanup = () => {
        clearInterval(keepalive);
        unsubscribe();
        closed = true;
      };

      const live = liveMessages.get(id);
      if (live) {
        unsubscribe = live.subscribe(send, close, lastEventId);
        return;
      }
      unsubscribe = followDatabase(id, send, close);
    },
    cancel() {
      // The browser went away: only this subscription ends; generation goes on.
      cleanup();
    },
  });
}

function followDatabase(id: string, send: (frame: string) => void, close: () => void): () => void {
  let stopped = false;
  let sent: { attempt: number; content: string; reasoning: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const poll = async () => {
    if (stopped) return;
    const row = await db.message.findUnique({ where: { id } });
    if (!row || stopped) return close();
    // The message may have started here meanwhile (a retry): switch to the live stream.
    const live = liveMessages.get(id);
    if (live) {
      const unsubscribe = live.subscribe(send, close, null);
      stopLive = unsubscribe;
      return;
    }
    const view = toMessageView(row);
    const eventId = `${row.attempt}.db`;
    if (
      sent &&
      sent.attempt === row.attempt &&
      row.content.startsWith(sent.content) &&
      row.reasoning.startsWith(sent.reasoning)
    ) {
      const reasoning = row.reasoning.slice(sent.reasoning.length);
      const content = row.content.slice(sent.content.length);
      if (reasoning) send(sseFrame(eventId, { type: 'reasoning', text: reasoning }));
      if (content) send(sseFrame(eventId, { type: 'content', text: content }));
      send(sseFrame(eventId, { type: 'metrics', metrics: metricsOf(row) }));
    } else {
      send(
        sseFrame(eventId, {
          type: 'snapshot',
          attempt: row.attempt,
          status: view.status,
          content: row.content,
          reasoning: row.reasoning,
          metrics: view.metrics,
          error: view.error,
        }),
      );
    }
    sent = { attempt: row.attempt, content: row.content, reasoning: row.reasoning };
    if (FINAL.includes(view.status)) {
      send(sseFrame(eventId, { type: 'done', status: view.status, metrics: view.metrics }));
      return close();
    }
    timer = setTimeout(() => void poll().catch(close), POLL_MS);
  };

  let stopLive = () => {};
  void poll().catch(close);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stopLive();
  };
}
