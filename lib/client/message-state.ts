import { isFinal } from '@/lib/api/message-status';
import type { MessageMetrics, MessageStatus, MessageView } from '@/lib/api/views';
import type { MessageEvent } from '@/lib/generation/events';

/** Whether the browser is following a message's event stream. */
export type Connection = 'idle' | 'live' | 'reconnecting' | 'lost';

/** The text of one message: changes with every token. */
export interface MessageText {
  content: string;
  reasoning: string;
}

/** Everything else: changes a few times per second at most, so most views read only this. */
export interface MessageMeta {
  id: string;
  attempt: number;
  status: MessageStatus;
  metrics: MessageMetrics;
  error: { code: string; message: string } | null;
  /**
   * The content may still turn out to be reasoning (an R1 distill behind a server without a
   * reasoning parser, before its bare `</think>`): not to be shown as a finished answer.
   */
  tentative: boolean;
  connection: Connection;
  /** Bumped when the message starts over (retry): its stream must be opened again. */
  epoch: number;
}

export interface MessageState {
  text: MessageText;
  meta: MessageMeta;
}

export function stateFromView(view: MessageView, epoch = 0): MessageState {
  return {
    text: { content: view.content, reasoning: view.reasoning },
    meta: {
      id: view.id,
      attempt: view.attempt,
      status: view.status,
      metrics: view.metrics,
      error: view.error,
      // Saved text is final or about to be caught up by the stream's snapshot, which says.
      tentative: false,
      connection: 'idle',
      epoch,
    },
  };
}

/**
 * Applies one server event. Returns a new state whose unchanged half keeps its identity, so a
 * token re-renders only what shows text, and a status change only what shows status.
 */
export function applyMessageEvent(state: MessageState, event: MessageEvent): MessageState {
  const { text, meta } = state;
  // A final message changes only by a snapshot (a new attempt). Stop's answer can settle it
  // before the stream's last events arrive on their own connection: a token still in flight
  // would be added to the final text a second time.
  if (isFinal(meta.status) && event.type !== 'snapshot') return state;
  switch (event.type) {
    case 'snapshot':
      return {
        text: { content: event.content, reasoning: event.reasoning },
        meta: {
          ...meta,
          attempt: event.attempt,
          status: event.status,
          metrics: event.metrics,
          error: event.error,
          tentative: event.tentative === true && event.status !== 'done',
        },
      };
    case 'reasoning':
      return { meta, text: { ...text, reasoning: text.reasoning + event.text } };
    case 'content':
      return {
        meta: withTentative(meta, event.tentative === true),
        text: { ...text, content: text.content + event.text },
      };
    case 'reclassify':
      return {
        meta: withTentative(meta, false),
        text: { content: '', reasoning: text.reasoning + text.content },
      };
    case 'status':
      return event.status === meta.status
        ? state
        : {
            text,
            meta: {
              ...meta,
              status: event.status,
              tentative: meta.tentative && event.status !== 'done',
            },
          };
    case 'metrics':
      return { text, meta: { ...meta, metrics: event.metrics } };
    case 'error':
      return { text, meta: { ...meta, error: { code: event.code, message: event.message } } };
    case 'done':
      return {
        text,
        meta: {
          ...meta,
          status: event.status,
          metrics: event.metrics,
          // Stopped or failed while undecided, the text may still have been reasoning.
          tentative: meta.tentative && event.status !== 'done',
        },
      };
  }
}

/** The meta with `tentative` set; the same object when it already was, so nothing re-renders. */
function withTentative(meta: MessageMeta, tentative: boolean): MessageMeta {
  return meta.tentative === tentative ? meta : { ...meta, tentative };
}

const EVENT_TYPES = new Set<string>([
  'snapshot',
  'status',
  'reasoning',
  'content',
  'reclassify',
  'metrics',
  'done',
  'error',
]);

/** An event as the stream carries it: the data names its message. */
export type StreamEvent = MessageEvent & { messageId: string };

/** Parses one SSE `data:` payload; null for anything that is not a known event. */
export function parseMessageEvent(data: string): StreamEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('type' in value)) return null;
  const { type, messageId } = value as { type: unknown; messageId: unknown };
  if (typeof messageId !== 'string' || typeof type !== 'string' || !EVENT_TYPES.has(type)) {
    return null;
  }
  return value as StreamEvent;
}
