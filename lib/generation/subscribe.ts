import 'server-only';
import { clusterChannel } from '@/lib/cluster/channel';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { followElsewhere } from './follow-elsewhere';
import { liveMessages } from './registry';

const KEEPALIVE_MS = 15_000;

export interface Subscription {
  messageId: string;
  /** The last event id the client has of this message (`<attempt>.<seq>`), if any. */
  lastEventId: string | null;
}

/** Where SSE text goes: an HTTP response, or a test's recorder. */
export interface EventSink {
  write(chunk: string): void;
  end(): void;
}

type Send = (frame: string) => void;

/** Throws `not_found` unless every message belongs to the owner; call it before any header. */
export async function assertMessagesOwned(ownerId: string, messageIds: string[]): Promise<void> {
  const ids = [...new Set(messageIds)];
  const owned = await db.message.count({
    where: { id: { in: ids }, turn: { conversation: { ownerId } } },
  });
  if (owned !== ids.length) throw new AppError('not_found', 'No such message.');
}

/**
 * Writes the events of one or more messages to the sink as SSE text, and ends it when every
 * message has sent `done`; the returned function stops early (the client went away: only this
 * subscription ends, generation goes on). Several messages share one connection because
 * browsers allow only six HTTP/1.1 connections per origin: six streaming columns would
 * otherwise leave none for the Stop button.
 *
 * A live message streams from memory (replay after its last event id, else a snapshot, then
 * every event in the tick it happens). A message this process does not run is read from the
 * database: final ones as snapshot + done; ones another instance runs are followed through
 * that instance's live text (follow-elsewhere.ts).
 */
export function streamEvents(subscriptions: Subscription[], sink: EventSink): () => void {
  const ids = [...new Set(subscriptions.map((subscription) => subscription.messageId))];
  let closed = false;
  let open = ids.length;
  const unsubscribes: (() => void)[] = [];
  // Frames sent in the same task leave in one write once its microtasks are done: a metrics
  // event rides with its token, and a network read that carried several tokens costs one
  // syscall, not one each (the write costs more than the rest of relaying a token). Waiting
  // any longer, for other sockets of the same poll, added a fraction of a millisecond to the
  // per-token latency at low load.
  let pending = '';
  let flushing = false;
  const flush = () => {
    flushing = false;
    if (closed || pending === '') return;
    sink.write(pending);
    pending = '';
  };
  const send: Send = (frame) => {
    if (closed) return;
    pending += frame;
    if (flushing) return;
    flushing = true;
    queueMicrotask(flush);
  };
  const keepalive = setInterval(() => send(': keep-alive\n\n'), KEEPALIVE_MS);
  const stop = () => {
    closed = true;
    clearInterval(keepalive);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
  const finishOne = () => {
    open -= 1;
    if (open > 0 || closed) return;
    flush();
    stop();
    sink.end();
  };
  for (const id of ids) {
    const lastEventId =
      subscriptions.find((subscription) => subscription.messageId === id)?.lastEventId ?? null;
    unsubscribes.push(follow(id, lastEventId, send, once(finishOne)));
  }
  return stop;
}

function once(run: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    run();
  };
}

function follow(id: string, lastEventId: string | null, send: Send, close: () => void) {
  const live = liveMessages.get(id);
  if (live) return live.subscribe(send, close, lastEventId);
  return followElsewhere({ db, channel: clusterChannel(), lives: liveMessages }, id, send, close);
}
