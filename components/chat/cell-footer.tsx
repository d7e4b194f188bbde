'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { RetryIcon, StopIcon } from '@/components/ui/icons';
import { StatusPill } from '@/components/ui/status-pill';
import { isFinal, isRunning } from '@/lib/api/message-status';
import { api, messageOf } from '@/lib/client/api';
import type { MessageMeta } from '@/lib/client/message-state';
import { useMessageMeta, useMessageStore } from '@/lib/client/use-message';
import { formatDuration, metricParts } from './format';
import { useTurnActions } from './turn-actions';

/** Silence after the first token that is worth saying out loud. */
const STALL_AFTER_MS = 3_000;

/**
 * How long a running message has been silent, checked once a second: a stalled stream should
 * not look alive with frozen counters until the server gives up on it.
 */
function useSilence(id: string, meta: MessageMeta | undefined): number {
  const store = useMessageStore();
  const streaming = meta?.status === 'streaming';
  const [silentMs, setSilentMs] = useState(0);
  useEffect(() => {
    if (!streaming) {
      setSilentMs(0);
      return;
    }
    const timer = setInterval(() => setSilentMs(store.silentFor(id)), 1_000);
    return () => clearInterval(timer);
  }, [store, id, streaming]);
  return streaming ? silentMs : 0;
}

/** What a running message is doing, when its figures alone would not say. */
function liveNote(meta: MessageMeta, silentMs: number): string | null {
  if (meta.status !== 'streaming') return null;
  if (meta.metrics.ttftMs === null) {
    return silentMs >= STALL_AFTER_MS
      ? `waiting for the first token · ${formatDuration(silentMs)}`
      : null;
  }
  return silentMs >= STALL_AFTER_MS ? `no data for ${Math.floor(silentMs / 1000)} s` : null;
}

/**
 * Under each answer: its status and figures. The latest turn's answers also offer Stop (while
 * running) and Retry (once final).
 */
export function CellFooter({ messageId, latest }: { messageId: string; latest: boolean }) {
  const store = useMessageStore();
  const actions = useTurnActions();
  const meta = useMessageMeta(messageId);
  const silentMs = useSilence(messageId, meta);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!meta) return null;

  const act = async (action: 'stop' | 'retry') => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'stop') store.settle((await api.stopMessage(messageId)).message);
      else actions.addAttempt((await api.retryMessage(messageId)).message);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const parts = metricParts(meta.metrics);
  const note = liveNote(meta, silentMs);
  return (
    <footer className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-zinc-100 pt-2 dark:border-zinc-800/70">
      <span aria-live="polite" className="shrink-0">
        <StatusPill status={meta.status} testId={latest ? 'column-status' : 'message-status'} />
      </span>
      <p
        data-testid={latest ? 'metrics' : 'message-metrics'}
        className="min-w-0 flex-1 font-mono text-[11px] leading-5 text-zinc-600 tabular-nums dark:text-zinc-400"
      >
        {parts.map((part, index) => (
          <span key={part.key} title={part.title}>
            {index > 0 && <span className="text-zinc-500 dark:text-zinc-400"> · </span>}
            <span
              className={
                part.key === 'rate' ? 'font-semibold text-zinc-900 dark:text-zinc-100' : ''
              }
            >
              {part.text}
            </span>
          </span>
        ))}
        {note && (
          <span data-testid="live-note" className="text-amber-700 dark:text-amber-400">
            {parts.length > 0 ? ' · ' : ''}
            {note}
          </span>
        )}
      </p>
      {latest && isRunning(meta.status) && (
        <Button
          size="sm"
          data-testid="stop-button"
          onClick={() => void act('stop')}
          disabled={busy}
        >
          <StopIcon className="size-3" />
          Stop
        </Button>
      )}
      {latest && actions.canRetry && isFinal(meta.status) && (
        <Button
          size="sm"
          variant="ghost"
          data-testid="retry-button"
          onClick={() => void act('retry')}
          disabled={busy}
        >
          <RetryIcon className="size-3.5" />
          Retry
        </Button>
      )}
      {error && (
        <p role="alert" className="basis-full text-[11px] text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </footer>
  );
}
