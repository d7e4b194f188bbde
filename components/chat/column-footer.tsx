'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { RetryIcon, StopIcon } from '@/components/ui/icons';
import { StatusPill } from '@/components/ui/status-pill';
import { isFinal, isRunning } from '@/lib/api/message-status';
import { api, messageOf } from '@/lib/client/api';
import { useMessageMeta, useMessageStore } from '@/lib/client/use-message';
import { metricParts } from './format';

/** Status, live metrics and Stop/Retry of a column's latest message. */
export function ColumnFooter({
  messageId,
  sharedBackend,
  noteRow,
}: {
  messageId: string;
  sharedBackend: boolean;
  /** Some column shows the shared-backend note: every footer keeps the row, so bodies line up. */
  noteRow: boolean;
}) {
  const store = useMessageStore();
  const meta = useMessageMeta(messageId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!meta) return null;

  const act = async (action: 'stop' | 'retry') => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'stop') store.settle((await api.stopMessage(messageId)).message);
      else store.seed((await api.retryMessage(messageId)).message);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const parts = metricParts(meta.metrics);
  return (
    <footer className="@container shrink-0 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
      {/* Narrow columns put the metrics on their own line; the line count never depends on them. */}
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span aria-live="polite" className="order-1 shrink-0">
          <StatusPill status={meta.status} testId="column-status" />
        </span>
        <p
          data-testid="metrics"
          className="order-3 h-5 basis-full truncate font-mono text-[11px] leading-5 text-zinc-600 tabular-nums @md:order-2 @md:min-w-0 @md:flex-1 @md:basis-0 dark:text-zinc-400"
        >
          {parts.length === 0 ? (
            <span className="text-zinc-400 dark:text-zinc-600">no metrics yet</span>
          ) : (
            parts.map((part, index) => (
              <span key={part.key} title={part.title}>
                {index > 0 && <span className="text-zinc-300 dark:text-zinc-700"> · </span>}
                <span
                  className={
                    part.key === 'rate' ? 'font-semibold text-zinc-900 dark:text-zinc-100' : ''
                  }
                >
                  {part.text}
                </span>
              </span>
            ))
          )}
        </p>
        <div className="order-2 ml-auto flex h-7 items-center @md:order-3">
          {isRunning(meta.status) && (
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
          {isFinal(meta.status) && (
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
        </div>
      </div>
      {noteRow && (
        <p
          className="mt-1 h-4 truncate text-[11px] leading-4 text-amber-700 dark:text-amber-400"
          title={
            sharedBackend
              ? "These models run in parallel on one backend, so each one's tokens/s is lower than it would be alone. Switch to One at a time for clean speeds."
              : undefined
          }
        >
          {sharedBackend ? 'shared backend — speeds affect each other' : ''}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-[11px] text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </footer>
  );
}
