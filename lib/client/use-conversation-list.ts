'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '@/lib/api/views';
import { api, messageOf } from './api';
import { onConversationsChanged } from './conversation-events';

const DEBOUNCE_MS = 200;

/**
 * The sidebar's list: server-rendered first, then searched through the API as the user types,
 * and reloaded when a page adds, reorders or deletes conversations. The page brings the latest
 * few (`more` when there are others); `loadAll` fetches the whole list.
 */
export function useConversationList(initial: ConversationSummary[], more: boolean) {
  const [query, setQuery] = useState('');
  const [conversations, setConversations] = useState(initial);
  const [complete, setComplete] = useState(!more);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const pathname = usePathname();
  const first = useRef(true);

  useEffect(() => onConversationsChanged(() => setVersion((value) => value + 1)), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page or a change means a reload.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let cancelled = false;
    setLoading(true);
    const timer = setTimeout(
      async () => {
        try {
          const { conversations: found } = await api.listConversations(query.trim());
          if (!cancelled) {
            setConversations(found);
            setError(null);
            // Without a query the API answers the whole list.
            if (!query.trim()) setComplete(true);
          }
        } catch (caught) {
          if (!cancelled) setError(messageOf(caught));
        } finally {
          if (!cancelled) setLoading(false);
        }
      },
      query ? DEBOUNCE_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, pathname, version]);

  const loadAll = useCallback(() => setVersion((value) => value + 1), []);

  return { query, setQuery, conversations, error, loading, complete, loadAll };
}
