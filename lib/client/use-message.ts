'use client';

import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { MessageMeta, MessageText } from './message-state';
import type { MessageStore } from './message-store';

export const MessageStoreContext = createContext<MessageStore | null>(null);

export function useMessageStore(): MessageStore {
  const store = useContext(MessageStoreContext);
  if (!store) throw new Error('useMessageStore needs a MessageStoreContext provider.');
  return store;
}

const EMPTY_TEXT: MessageText = { content: '', reasoning: '' };

/** The streamed text of one message; re-renders with every flushed token. */
export function useMessageText(id: string): MessageText {
  const store = useMessageStore();
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(id, listener),
    [store, id],
  );
  const read = () => store.get(id)?.text ?? EMPTY_TEXT;
  return useSyncExternalStore(subscribe, read, read);
}

/** Status, metrics and error of one message; tokens alone do not re-render its readers. */
export function useMessageMeta(id: string): MessageMeta | undefined {
  const store = useMessageStore();
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(id, listener),
    [store, id],
  );
  const read = () => store.meta(id);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * One value per message, read by `select`, as one array that changes only when one of the
 * values does (so readers re-render only then).
 */
function useMessagesSelect<T>(
  ids: readonly string[],
  select: (store: MessageStore, id: string) => T,
): T[] {
  const store = useMessageStore();
  const key = ids.join(',');
  const cache = useRef<T[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `ids`.
  const subscribe = useCallback(
    (listener: () => void) => {
      const unsubscribes = ids.map((id) => store.subscribe(id, listener));
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
    [store, key],
  );
  const read = () => {
    const next = ids.map((id) => select(store, id));
    const previous = cache.current;
    const same =
      previous.length === next.length && next.every((value, index) => value === previous[index]);
    if (!same) cache.current = next;
    return cache.current;
  };
  return useSyncExternalStore(subscribe, read, read);
}

/** The metas of several messages. */
export function useMessageMetas(ids: readonly string[]): (MessageMeta | undefined)[] {
  return useMessagesSelect(ids, (store, id) => store.meta(id));
}

/** The answers (content) of several messages; re-renders whenever one of them grows. */
export function useMessageContents(ids: readonly string[]): string[] {
  return useMessagesSelect(ids, (store, id) => store.get(id)?.text.content ?? '');
}
