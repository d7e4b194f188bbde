'use client';

import { useCallback, useEffect, useState } from 'react';
import type { BackendView } from '@/lib/api/views';
import { api, messageOf } from './api';

export type BackendsState =
  | { status: 'loading'; backends: BackendView[] }
  | { status: 'ready'; backends: BackendView[] }
  | { status: 'failed'; backends: BackendView[]; error: string };

/** Configured backends with their live models; `refresh` asks each backend again. */
export function useBackends() {
  const [state, setState] = useState<BackendsState>({ status: 'loading', backends: [] });

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

  useEffect(() => {
    void load(false);
  }, [load]);

  const refresh = useCallback(() => load(true), [load]);
  return { ...state, refresh };
}
