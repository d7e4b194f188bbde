'use client';

import type { MessageView } from '@/lib/api/views';
import type { MessageEvent } from '@/lib/generation/events';
import { EventHub } from './event-hub';
import {
  applyMessageEvent,
  type Connection,
  type MessageMeta,
  type MessageState,
  stateFromView,
} from './message-state';

type Listener = () => void;

/**
 * Live state of every message on the page, outside React: a token updates one entry and wakes
 * only that message's subscribers, at most once per animation frame.
 */
export class MessageStore {
  /** The one connection that streams every running message of the page into this store. */
  readonly hub = new EventHub(this);
  private readonly states = new Map<string, MessageState>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly dirty = new Set<string>();
  private frame: number | null = null;

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

  /** Takes status, metrics and error from an answer (e.g. Stop), keeping the streamed text. */
  settle(view: MessageView) {
    const state = this.states.get(view.id);
    if (!state) return this.seed(view);
    if (state.meta.attempt !== view.attempt) return;
    this.set(view.id, {
      text: state.text,
      meta: { ...state.meta, status: view.status, metrics: view.metrics, error: view.error },
    });
  }

  apply(id: string, event: MessageEvent) {
    const state = this.states.get(id);
    if (state) this.set(id, applyMessageEvent(state, event));
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

  private set(id: string, state: MessageState) {
    this.states.set(id, state);
    this.dirty.add(id);
    this.frame ??= requestAnimationFrame(() => this.flush());
  }

  private flush() {
    this.frame = null;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) for (const listener of this.listeners.get(id) ?? []) listener();
  }
}
