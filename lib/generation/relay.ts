import 'server-only';
import type { MessageMetrics, MessageStatus } from '@/lib/api/views';
import { type ClusterChannel, MAX_PAYLOAD_BYTES, publishQuietly } from '@/lib/cluster/channel';
import type { ClusterMessage, Delta } from '@/lib/cluster/messages';
import type { LiveMessage } from './live-message';
import { liveMessages } from './registry';

/**
 * The running instance's half of following a message through another instance: while someone
 * elsewhere watches one of its messages, it publishes that message's new text on the cluster
 * channel every TICK_MS, all watched messages in as few notifications as fit. Nothing runs
 * while nobody watches: a single instance, and every message nobody follows elsewhere, pay
 * nothing. A follower renews its watch; one that stops renewing is forgotten after WATCH_TTL_MS.
 */

const TICK_MS = 50;
const WATCH_TTL_MS = 10_000;
/** A text piece's JSON at most this long, so a delta with its metrics fits in one notification. */
const PIECE_BYTES = 6_000;
/** Room for the envelope around the deltas (sender id, type). */
const ENVELOPE_BYTES = 120;

/** What the watchers were last sent of a message. */
interface Sent {
  epoch: number;
  reasoning: number;
  content: number;
  status: MessageStatus;
  tentative: boolean;
  metrics: MessageMetrics;
}

interface Watch {
  until: number;
  sent: Sent | null;
}

const store = globalThis as typeof globalThis & {
  __versusRelay?: { watches: Map<string, Watch>; timer?: NodeJS.Timeout };
};
store.__versusRelay ??= { watches: new Map() };
const relay = store.__versusRelay;

type WatchRequest = Extract<ClusterMessage, { type: 'watch' }>;

/** Another instance follows one of this process's messages (or renews its watch). */
export function watchForOthers(channel: ClusterChannel, { messageId, have }: WatchRequest): void {
  if (!liveMessages.has(messageId)) return;
  const watch = relay.watches.get(messageId) ?? { until: 0, sent: null };
  watch.until = Date.now() + WATCH_TTL_MS;
  // A follower that is new, or behind what was sent, gets the text again from where it is.
  if (!have || watch.sent === null || have.epoch !== watch.sent.epoch) watch.sent = null;
  else {
    watch.sent.reasoning = Math.min(watch.sent.reasoning, have.reasoning);
    watch.sent.content = Math.min(watch.sent.content, have.content);
  }
  relay.watches.set(messageId, watch);
  relay.timer ??= setInterval(() => publishDeltas(channel), TICK_MS);
  relay.timer.unref();
}

function sentOf(live: LiveMessage): Sent {
  return {
    epoch: live.epochs,
    reasoning: live.reasoning.length,
    content: live.content.length,
    status: live.status,
    tentative: live.tentative,
    metrics: live.metrics,
  };
}

/** What changed since `sent`, as one delta; null when nothing did. */
export function deltaSince(live: LiveMessage, sent: Sent | null): Delta | null {
  const same = sent !== null && sent.epoch === live.epochs;
  const from = same ? sent : { reasoning: 0, content: 0 };
  const reasoning = live.reasoning.slice(from.reasoning);
  const content = live.content.slice(from.content);
  const metricsChanged = sent?.metrics !== live.metrics;
  if (
    same &&
    !reasoning &&
    !content &&
    !metricsChanged &&
    sent.status === live.status &&
    sent.tentative === live.tentative
  ) {
    return null;
  }
  return {
    messageId: live.id,
    attempt: live.attempt,
    epoch: live.epochs,
    status: live.status,
    // From the start (another epoch, or a new follower) both texts go, empty or not.
    ...(reasoning || !same ? { reasoning: { at: from.reasoning, text: reasoning } } : {}),
    ...(content || !same ? { content: { at: from.content, text: content } } : {}),
    ...(live.tentative ? { tentative: true } : {}),
    ...(metricsChanged ? { metrics: live.metrics } : {}),
  };
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** `text` from `at` in pieces whose JSON is at most PIECE_BYTES, never splitting a character. */
function pieces(at: number, text: string): { at: number; text: string }[] {
  const result: { at: number; text: string }[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE_BYTES);
    while (bytesOf(text.slice(start, end)) > PIECE_BYTES)
      end = start + Math.ceil((end - start) / 2);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    result.push({ at: at + start, text: text.slice(start, end) });
    start = end;
  }
  return result;
}

/**
 * A delta too long for one notification, as several: first the positions alone (which start a
 * new epoch for the follower), then the text in pieces, then the state with the metrics.
 */
export function fitting(delta: Delta): Delta[] {
  if (bytesOf(delta) <= PIECE_BYTES) return [delta];
  const { reasoning, content, metrics, ...base } = delta;
  const start = (piece?: { at: number }) => (piece ? { at: piece.at, text: '' } : undefined);
  return [
    { ...base, reasoning: start(reasoning), content: start(content) },
    ...pieces(reasoning?.at ?? 0, reasoning?.text ?? '').map((piece) => ({
      ...base,
      reasoning: piece,
    })),
    ...pieces(content?.at ?? 0, content?.text ?? '').map((piece) => ({ ...base, content: piece })),
    { ...base, ...(metrics ? { metrics } : {}) },
  ];
}

/** The deltas in as few messages as fit under PostgreSQL's payload limit, in order. */
export function packed(deltas: Delta[]): ClusterMessage[] {
  const messages: ClusterMessage[] = [];
  let batch: Delta[] = [];
  let size = 0;
  for (const delta of deltas) {
    const bytes = bytesOf(delta) + 1;
    if (batch.length > 0 && size + bytes > MAX_PAYLOAD_BYTES - ENVELOPE_BYTES) {
      messages.push({ type: 'deltas', deltas: batch });
      batch = [];
      size = 0;
    }
    batch.push(delta);
    size += bytes;
  }
  if (batch.length > 0) messages.push({ type: 'deltas', deltas: batch });
  return messages;
}

function publishDeltas(channel: ClusterChannel): void {
  const now = Date.now();
  const deltas: Delta[] = [];
  for (const [id, watch] of relay.watches) {
    const live = liveMessages.get(id);
    if (!live || now > watch.until) {
      relay.watches.delete(id);
      continue;
    }
    const delta = deltaSince(live, watch.sent);
    if (delta) {
      deltas.push(...fitting(delta));
      watch.sent = sentOf(live);
    }
    if (live.finished) relay.watches.delete(id);
  }
  for (const message of packed(deltas)) publishQuietly(channel, message);
  if (relay.watches.size === 0) {
    clearInterval(relay.timer);
    relay.timer = undefined;
  }
}
