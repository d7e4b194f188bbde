'use client';

import { useEffect } from 'react';
import { isFinal, parseMessageEvent } from './message-state';
import { useMessageMeta, useMessageStore } from './use-message';

/**
 * Follows one message's server events while it runs. EventSource reconnects by itself with
 * Last-Event-ID, and the server replays what was missed; after `done` we close it so it
 * does not reconnect. A message that is already final needs no connection at all.
 */
export function useMessageStream(id: string) {
  const store = useMessageStore();
  const epoch = useMessageMeta(id)?.epoch ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new epoch (retry) reopens the stream.
  useEffect(() => {
    const status = store.meta(id)?.status;
    if (!status || isFinal(status)) return;

    const source = new EventSource(`/api/messages/${encodeURIComponent(id)}/events`);
    source.onopen = () => store.setConnection(id, 'live');
    source.onmessage = (message: globalThis.MessageEvent<string>) => {
      const event = parseMessageEvent(message.data);
      if (!event) return;
      store.apply(id, event);
      if (event.type === 'done') {
        source.close();
        store.setConnection(id, 'idle');
      }
    };
    source.onerror = () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (e.g. a 404 answer).
      store.setConnection(id, source.readyState === EventSource.CLOSED ? 'lost' : 'reconnecting');
    };
    return () => {
      source.close();
      store.setConnection(id, 'idle');
    };
  }, [store, id, epoch]);
}
