'use client';

import { isFinal } from '@/lib/api/message-status';
import type { MessageView } from '@/lib/api/views';
import type { MessageEvent } from '@/lib/generation/events';
import { EventHub } from './event-hub';
import {
  applyMessageEvent,
  type Connection,
  type MessageMeta,
  type MessageState,
  type MessageText,
  stateFromView,
} from './message-state';

type Listener = () => void;

/**
 * How long a message's subscribers may wait for its next tokens. Each update renders and lays
 * out the answer again, which costs more as it grows, and at 100 tokens a second a long answer
 * kept the page busy: every frame while it is short (4,000 characters), then gradually less
 * often, down to about 10 updates a second (80 ms, plus the wait for the next frame) from
 * 20,000 characters on.
 */
export function tokenDelayMs(text: MessageText): number {
  const length = text.content.length + text.reasoning.length;
  return Math.min(80, Math.max(0, (length - 4_000) / 200));
}

/**
 * Streamed tokens and live metrics can wait their turn; anything else (a status, an error,
 * the end) is shown at the next frame, with all the text there is by then.
 */
const canWait = (event: MessageEvent) =>
  event.type === 'content' || event.type === 'reasoning' || event.type === 'metrics';

/**
 * Live state of every message on the page, outside React: a token updates one entry and wakes
 * only that message's subscribers, at most once per animation frame (less often for a long
 * answer, see `tokenDelayMs`).
 */
export class MessageStore {
  /** The one connection that streams every running message of the page into this store. */
  readonly hub = new EventHub(this);
  private readonly states = new Map<string, MessageState>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Messages whose subscribers have news, and when to wake them. */
  private readonly due = new Map<string, number>();
  private readonly wokenAt = new Map<string, number>();
  /** When each message last heard from the server (performance.now()). */
  private readonly heardAt = new Map<string, number>();
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(views: MessageView[] = []) {
    for (const view of views) this.states.set(view.id, stateFromView(view));
  }

  get(id: string): MessageState | undefined {
    return this.states.get(id);
  }

  /** Adds a message, or starts it over (a retry): its stream is opened again. */
  seed(view: MessageView) {
    const previous = this.states.get(view.id);
    this.set(view.id, stateFromView(view, previous ? previous.meta.epoch + 1 : 0));
  }

  /**
   * Takes an answer about this attempt (e.g. Stop's). A final one is what was saved, after every
   * token the stream sent: its text replaces the streamed text, whose last tokens may still be
   * on their way. A running one changes status, metrics and error, keeping the streamed text.
   */
  settle(view: MessageView) {
    const state = this.states.get(view.id);
    if (!state) return this.seed(view);
    if (state.meta.attempt !== view.attempt) return;
    this.set(view.id, {
      text: isFinal(view.status)
        ? { content: view.content, reasoning: view.reasoning }
        : state.text,
      meta: {
        ...state.meta,
        status: view.status,
        metrics: view.metrics,
        error: view.error,
        tentative: state.meta.tentative && view.status !== 'done',
      },
    });
  }

  apply(id: string, event: MessageEvent) {
    const state = this.states.get(id);
    if (!state) return;
    this.heardAt.set(id, performance.now());
    const next = applyMessageEvent(state, event);
    if (next !== state) this.set(id, next, canWait(event));
  }

  setConnection(id: string, connection: Connection) {
    const state = this.states.get(id);
    if (state && state.meta.connection !== connection) {
      this.set(id, { text: state.text, meta: { ...state.meta, connection } });
    }
  }

  /** Opens a message's stream again after the browser gave up on it. */
  reconnect(id: string) {
    const state = this.states.get(id);
    if (state) {
      this.set(id, {
        text: state.text,
        meta: { ...state.meta, connection: 'idle', epoch: state.meta.epoch + 1 },
      });
    }
  }

  /** How long the server has said nothing about a message, in ms (0 if it never spoke). */
  silentFor(id: string): number {
    const heard = this.heardAt.get(id);
    return heard === undefined ? 0 : performance.now() - heard;
  }

  meta(id: string): MessageMeta | undefined {
    return this.states.get(id)?.meta;
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  private set(id: string, state: MessageState, waits = false) {
    this.states.set(id, state);
    const woken = this.wokenAt.get(id) ?? Number.NEGATIVE_INFINITY;
    const at = waits ? woken + tokenDelayMs(state.text) : 0;
    const due = Math.min(this.due.get(id) ?? at, at);
    this.due.set(id, due);
    this.wakeAt(due);
  }

  /** Flushes at the first frame from `at` on (a timer waits for that moment). */
  private wakeAt(at: number) {
    if (this.frame !== null || this.timerAt <= at) return;
    clearTimeout(this.timer);
    const wait = at - performance.now();
    if (wait <= 0) {
      this.timerAt = Number.POSITIVE_INFINITY;
      this.frame = requestAnimationFrame(() => this.flush());
      return;
    }
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timerAt = Number.POSITIVE_INFINITY;
      this.frame ??= requestAnimationFrame(() => this.flush());
    }, wait);
  }

  private flush() {
    this.frame = null;
    const now = performance.now();
    const woken: string[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [id, at] of this.due) {
      if (at > now) {
        next = Math.min(next, at);
        continue;
      }
      this.due.delete(id);
      this.wokenAt.set(id, now);
      woken.push(id);
    }
    for (const id of woken) for (const listener of this.listeners.get(id) ?? []) listener();
    if (next < Number.POSITIVE_INFINITY) this.wakeAt(next);
  }
}
