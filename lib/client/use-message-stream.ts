'use client';

import { useEffect } from 'react';
import { isFinal } from '@/lib/api/message-status';
import { useMessageMeta, useMessageStore } from './use-message';

/**
 * Follows one message's server events while it runs, through the page's shared connection
 * (see event-hub.ts). A message that is already final needs no connection at all; a new epoch
 * (a retry, or Reconnect after the hub gave up) follows it again.
 */
export function useMessageStream(id: string) {
  const store = useMessageStore();
  const epoch = useMessageMeta(id)?.epoch ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new epoch (retry) follows again.
  useEffect(() => {
    const status = store.meta(id)?.status;
    if (!status || isFinal(status)) return;
    return store.hub.follow(id);
  }, [store, id, epoch]);
}
