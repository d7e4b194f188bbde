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

/** The metas of several messages, as one array that changes only when one of them does. */
export function useMessageMetas(ids: readonly string[]): (MessageMeta | undefined)[] {
  const store = useMessageStore();
  const key = ids.join(',');
  const cache = useRef<(MessageMeta | undefined)[]>([]);
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
    const next = ids.map((id) => store.meta(id));
    const previous = cache.current;
    const same =
      previous.length === next.length && next.every((meta, index) => meta === previous[index]);
    if (!same) cache.current = next;
    return cache.current;
  };
  return useSyncExternalStore(subscribe, read, read);
}

/** The answers (content) of several messages; re-renders whenever one of them grows. */
export function useMessageContents(ids: readonly string[]): string[] {
  const store = useMessageStore();
  const key = ids.join(',');
  const cache = useRef<string[]>([]);
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
    const next = ids.map((id) => store.get(id)?.text.content ?? '');
    const previous = cache.current;
    const same =
      previous.length === next.length && next.every((text, index) => text === previous[index]);
    if (!same) cache.current = next;
    return cache.current;
  };
  return useSyncExternalStore(subscribe, read, read);
}
