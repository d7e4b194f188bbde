'use client';

import { useCallback, useEffect, useState } from 'react';
import type { BackendView } from '@/lib/api/views';
import { api, messageOf } from './api';

export type BackendsState =
  | { status: 'loading'; backends: BackendView[] }
  | { status: 'ready'; backends: BackendView[] }
  | { status: 'failed'; backends: BackendView[]; error: string };

export type Backends = BackendsState & { refresh: () => void };

/**
 * Configured backends with their live models, from `initial` (a listing the server made for
 * the page) or else asked for, unless not `enabled`; `refresh` asks each backend again.
 */
export function useBackends(initial?: BackendView[] | null, enabled = true): Backends {
  const [state, setState] = useState<BackendsState>(() =>
    initial ? { status: 'ready', backends: initial } : { status: 'loading', backends: [] },
  );

  const load = useCallback(async (fresh: boolean) => {
    setState((previous) => ({ status: 'loading', backends: previous.backends }));
    try {
      const { backends } = await api.listBackends(fresh);
      setState({ status: 'ready', backends });
    } catch (error) {
      setState((previous) => ({
        status: 'failed',
        backends: previous.backends,
        error: messageOf(error),
      }));
    }
  }, []);

  const listed = Boolean(initial);
  useEffect(() => {
    if (!listed && enabled) void load(false);
  }, [listed, enabled, load]);

  const refresh = useCallback(() => load(true), [load]);
  return { ...state, refresh };
}
