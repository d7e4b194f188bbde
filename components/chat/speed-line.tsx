'use client';

import type { RunMode } from '@/lib/api/inputs';
import { isFinal } from '@/lib/api/message-status';
import type { SlotView } from '@/lib/api/views';
import type { MessageMeta } from '@/lib/client/message-state';
import { distinctNames, speedSummary } from './speed-summary-text';

/** After every column of the latest turn finished: one line comparing their speeds. */
export function SpeedLine({
  slots,
  metas,
  runMode,
  sharedBackend,
}: {
  slots: SlotView[];
  metas: (MessageMeta | undefined)[];
  runMode: RunMode;
  sharedBackend: boolean;
}) {
  const finished = metas.length > 0 && metas.every((meta) => meta && isFinal(meta.status));
  const names = distinctNames(slots);
  // A failed answer's few tokens say little about speed; done and stopped ones do.
  const measured = (index: number) => {
    const meta = metas[index];
    return meta && (meta.status === 'done' || meta.status === 'stopped') ? meta.metrics : null;
  };
  const line = finished
    ? speedSummary(
        slots.map((slot, index) => ({
          name: names[index] ?? slot.model,
          tokensPerSecond: measured(index)?.tokensPerSecond ?? null,
          ttftMs: measured(index)?.ttftMs ?? null,
        })),
      )
    : null;

  return (
    <div aria-live="polite" className="shrink-0">
      {line && (
        <p
          data-testid="speed-summary"
          className="border-t border-zinc-200 bg-zinc-50 px-4 py-2 text-xs text-zinc-700 tabular-nums dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-300"
        >
          {line}
          {runMode === 'parallel' && sharedBackend && (
            <span className="text-amber-700 dark:text-amber-400">
              {' '}
              Some models shared a backend, so their speeds affected each other.
            </span>
          )}
        </p>
      )}
    </div>
  );
}
