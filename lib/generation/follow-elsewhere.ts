import 'server-only';
import { isFinal } from '@/lib/api/message-status';
import type { MessageMetrics, MessageStatus, MessageView } from '@/lib/api/views';
import { isBlind, maskMetrics } from '@/lib/battles/blind';
import { publishQuietly } from '@/lib/cluster/channel';
import type { Delta } from '@/lib/cluster/messages';
import { toMessageView } from '@/lib/conversations/to-view';
import { isSqlite } from '@/lib/db/database-url';
import type { Elsewhere } from './cluster-control';
import type { MessageEvent } from './events';
import { type LiveMessage, sseFrame } from './live-message';

/** How often the row is read while the message runs elsewhere (or nowhere: its runner died). */
const POLL_MS = 1_000;
/** Once the runner has said the message ended, how often the row is read for its final state. */
const FINAL_POLL_MS = 50;
/** How often a follower renews its watch with the runner (relay.ts forgets it after 10 s). */
const RENEW_MS = 4_000;
/** While deltas arrive, the row's text (a checkpoint, up to a second old) is not used. */
const DELTAS_FRESH_MS = 3_000;
/** A follower that missed a piece asks for the text again at most this often. */
const RESEND_EVERY_MS = 1_000;

/** The follower's copy of the message; `epoch` is null until the runner has sent any delta. */
interface Mirror {
  attempt: number;
  epoch: number | null;
  reasoning: string;
  content: string;
  tentative: boolean;
  status: MessageStatus;
  metrics: MessageMetrics;
}

type Send = (frame: string) => void;

/**
 * Follows a message this process does not run, for an event stream. Its row gives the text
 * saved so far at once (and the final state at the end); meanwhile, on PostgreSQL, the
 * instance that runs it is asked for its live text (relay.ts), which arrives every ~50 ms.
 * A message nobody runs any more (its instance died) is followed through its row until the
 * sweep marks it interrupted. A message that starts here meanwhile (a retry) is followed live.
 */
export function followElsewhere(
  via: Elsewhere & { lives: Map<string, LiveMessage> },
  id: string,
  send: Send,
  close: () => void,
): () => void {
  let stopped = false;
  let blind = false;
  let mirror: Mirror | null = null;
  /** What the client has been sent. */
  let client: Omit<Mirror, 'epoch' | 'tentative'> | null = null;
  let deltasAt = 0;
  let resendAskedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let renewal: ReturnType<typeof setInterval> | undefined;
  let unwatch = () => {};
  let stopLive = () => {};

  const cleanup = () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(renewal);
    unwatch();
  };
  const end = () => {
    cleanup();
    close();
  };
  const frame = (event: MessageEvent) => sseFrame(id, `${mirror?.attempt ?? 0}.db`, event);

  /** Sends the client what it lacks of the mirror; true when that took a snapshot. */
  const render = (error: MessageView['error'] = null): boolean => {
    if (!mirror) return false;
    const metrics = blind ? maskMetrics(mirror.metrics) : mirror.metrics;
    const extends_ =
      client !== null &&
      client.attempt === mirror.attempt &&
      mirror.reasoning.startsWith(client.reasoning) &&
      mirror.content.startsWith(client.content);
    if (client !== null && extends_) {
      const reasoning = mirror.reasoning.slice(client.reasoning.length);
      const content = mirror.content.slice(client.content.length);
      if (reasoning) send(frame({ type: 'reasoning', text: reasoning }));
      if (content) {
        const tentative = mirror.tentative ? { tentative: true as const } : {};
        send(frame({ type: 'content', text: content, ...tentative }));
      }
      if (client.status !== mirror.status && !isFinal(mirror.status)) {
        send(frame({ type: 'status', status: mirror.status }));
      }
      if (client.metrics !== mirror.metrics) send(frame({ type: 'metrics', metrics }));
    } else {
      send(
        frame({
          type: 'snapshot',
          attempt: mirror.attempt,
          status: mirror.status,
          content: mirror.content,
          reasoning: mirror.reasoning,
          ...(mirror.tentative ? { tentative: true as const } : {}),
          metrics,
          error,
        }),
      );
    }
    const { epoch: _epoch, tentative: _tentative, ...sent } = mirror;
    client = sent;
    return !extends_;
  };

  const askResend = () => {
    if (Date.now() - resendAskedAt < RESEND_EVERY_MS) return;
    resendAskedAt = Date.now();
    publishQuietly(via.channel, { type: 'watch', messageId: id });
  };

  /** Applies one delta to the mirror; false when it did not fit (then the text is asked again). */
  const apply = (delta: Delta): boolean => {
    if (!mirror || delta.attempt !== mirror.attempt || isFinal(mirror.status)) return false;
    if (delta.epoch !== mirror.epoch) {
      const fromStart =
        (delta.reasoning ?? delta.content) !== undefined &&
        (delta.reasoning?.at ?? 0) === 0 &&
        (delta.content?.at ?? 0) === 0;
      if (!fromStart) {
        askResend();
        return false;
      }
      mirror.epoch = delta.epoch;
      mirror.reasoning = '';
      mirror.content = '';
    }
    for (const field of ['reasoning', 'content'] as const) {
      const piece = delta[field];
      if (!piece) continue;
      const have = mirror[field].length;
      if (piece.at > have) {
        askResend();
        return false;
      }
      if (piece.at + piece.text.length > have) mirror[field] += piece.text.slice(have - piece.at);
    }
    mirror.status = delta.status;
    mirror.tentative = delta.tentative === true;
    if (delta.metrics) mirror.metrics = delta.metrics;
    deltasAt = Date.now();
    return true;
  };

  const watch = () => {
    unwatch = via.channel.subscribe((message) => {
      if (stopped || message.type !== 'deltas') return;
      let changed = false;
      for (const delta of message.deltas) {
        if (delta.messageId === id) changed = apply(delta) || changed;
      }
      if (!changed) return;
      render();
      if (mirror && isFinal(mirror.status)) {
        clearTimeout(timer);
        timer = setTimeout(() => void poll().catch(end), FINAL_POLL_MS);
      }
    });
    publishQuietly(via.channel, { type: 'watch', messageId: id });
    renewal = setInterval(() => {
      const have =
        mirror?.epoch != null
          ? {
              epoch: mirror.epoch,
              reasoning: mirror.reasoning.length,
              content: mirror.content.length,
            }
          : undefined;
      publishQuietly(via.channel, { type: 'watch', messageId: id, ...(have ? { have } : {}) });
    }, RENEW_MS);
  };

  const poll = async () => {
    if (stopped) return;
    const found = await via.db.message.findUnique({
      where: { id },
      include: { turn: { select: { conversation: { select: { mode: true, revealedAt: true } } } } },
    });
    if (stopped) return;
    if (!found) return end();
    const { turn, ...row } = found;
    const live = via.lives.get(id);
    if (live) {
      cleanup();
      stopLive = live.subscribe(send, close, null);
      return;
    }
    blind = isBlind(turn.conversation);
    const view = toMessageView(row, blind);
    const fromRow = (epoch: number | null): Mirror => ({
      attempt: row.attempt,
      epoch,
      reasoning: row.reasoning,
      content: row.content,
      tentative: false,
      status: view.status,
      metrics: view.metrics,
    });
    if (isFinal(view.status)) {
      mirror = fromRow(null);
      // A failed answer's error rides in its snapshot (a client takes nothing more after a
      // final one), or follows the text it extends.
      const snapshot = render(view.error);
      if (!snapshot && view.error) send(frame({ type: 'error', ...view.error }));
      send(frame({ type: 'done', status: view.status, metrics: view.metrics }));
      return end();
    }
    if (!mirror || mirror.epoch === null || Date.now() - deltasAt > DELTAS_FRESH_MS) {
      mirror = fromRow(null);
      render();
    }
    if (!renewal && !isSqlite()) watch();
    timer = setTimeout(
      () => void poll().catch(end),
      isFinal(mirror.status) ? FINAL_POLL_MS : POLL_MS,
    );
  };

  void poll().catch(end);
  return () => {
    cleanup();
    stopLive();
  };
}
