'use client';

import { useEffect, useState } from 'react';
import type { BackendHealthView } from '@/lib/api/views';
import { backendsApi } from './backends-api';

/** How often a page asks again; the server checks every backend in the background. */
const POLL_MS = 15_000;

/**
 * Each enabled backend's status by id, kept fresh while the page is open (not while it is
 * hidden); null until the first answer, and when `enabled` is false (a blind battle).
 */
export function useBackendHealth(
  enabled = true,
  /** Changed by a page that changed a backend: asks again at once. */
  version = 0,
): Map<string, BackendHealthView> | null {
  const [health, setHealth] = useState<Map<string, BackendHealthView> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version asks again.
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const load = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const { backends } = await backendsApi.health();
        if (!stopped) setHealth(new Map(backends.map((backend) => [backend.id, backend])));
      } catch {
        // A status that cannot be fetched shows as not checked; the next poll tries again.
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, [enabled, version]);
  return health;
}
