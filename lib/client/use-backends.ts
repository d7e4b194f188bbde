'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BackendView } from '@/lib/api/views';
import { api, messageOf } from './api';
import { useBackendHealth } from './use-backend-health';

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

  // The background check's news, between listings: a backend that went down shows it, one
  // disabled or removed leaves; one added, or back up, brings a new listing (its models), once.
  const health = useBackendHealth(enabled);
  const stale = health
    ? [...health.values()]
        .filter((now) => {
          const listed = state.backends.find((backend) => backend.id === now.id);
          return !listed || (listed.status === 'error' && now.status === 'ok');
        })
        .map((now) => now.id)
        .join(' ')
    : '';
  const ready = state.status === 'ready';
  useEffect(() => {
    if (stale && ready) void load(false);
  }, [stale, ready, load]);
  const backends = useMemo(() => {
    if (!health) return state.backends;
    return state.backends.flatMap((backend) => {
      const now = health.get(backend.id);
      if (!now) return [];
      if (now.status === backend.status && now.label === backend.label) return [backend];
      return [{ ...backend, label: now.label, status: now.status, error: now.error }];
    });
  }, [health, state.backends]);
  return { ...state, backends, refresh };
}
