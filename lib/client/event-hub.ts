'use client';

import { parseMessageEvent } from './message-state';
import type { MessageStore } from './message-store';

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * One EventSource for every running message on the page. Browsers allow six HTTP/1.1
 * connections per origin: one stream per column would leave a six-column lineup no
 * connection for its Stop button. The hub reopens its connection when the set of followed
 * messages changes, naming for each the last event it has, so the server replays exactly what
 * was missed. It reconnects by itself (EventSource's own retry would send a single
 * Last-Event-ID, which cannot describe several messages).
 */
export class EventHub {
  private readonly followed = new Set<string>();
  private readonly lastEventIds = new Map<string, string>();
  private source: EventSource | null = null;
  private scheduled = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: MessageStore) {}

  /** Follows a message until its `done`; returns the function that stops following it. */
  follow(id: string): () => void {
    this.followed.add(id);
    this.lastEventIds.delete(id);
    this.schedule();
    return () => {
      if (!this.followed.delete(id)) return;
      this.store.setConnection(id, 'idle');
      this.schedule();
    };
  }

  /** Coalesces the follows of one render into one new connection. */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.open();
    });
  }

  private open() {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    if (this.followed.size === 0) return;

    const params = new URLSearchParams();
    for (const id of this.followed) {
      const last = this.lastEventIds.get(id);
      params.append('m', last ? `${id}:${last}` : id);
    }
    const source = new EventSource(`/api/events?${params}`);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      for (const id of this.followed) this.store.setConnection(id, 'live');
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseMessageEvent(message.data);
      if (!event) return;
      const { messageId } = event;
      if (message.lastEventId) this.lastEventIds.set(messageId, message.lastEventId);
      this.store.apply(messageId, event);
      if (event.type === 'done') {
        // The server ends the connection after the last message's done; nothing to reopen.
        this.followed.delete(messageId);
        this.lastEventIds.delete(messageId);
        this.store.setConnection(messageId, 'idle');
      }
    };
    source.onerror = () => {
      source.close();
      if (this.source !== source || this.followed.size === 0) return;
      this.source = null;
      this.failures += 1;
      const gaveUp = this.failures > RETRY_MS.length;
      for (const id of this.followed)
        this.store.setConnection(id, gaveUp ? 'lost' : 'reconnecting');
      if (gaveUp) {
        this.followed.clear();
        return;
      }
      this.retryTimer = setTimeout(() => this.open(), RETRY_MS[this.failures - 1]);
    };
  }

  close() {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    this.followed.clear();
  }
}
