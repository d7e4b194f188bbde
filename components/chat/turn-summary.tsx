'use client';

import { isFinal } from '@/lib/api/message-status';
import type { SlotView } from '@/lib/api/views';
import { useMessageMetas } from '@/lib/client/use-message';
import { distinctNames, speedSummary } from './speed-summary-text';
import { VerdictPicker } from './verdict-picker';

/** Under a turn once every answer of it is final: one line ranking the columns by speed. */
export function TurnSummary({
  slots,
  messageIds,
  cpuShares,
  sharedBackend,
  verdict,
}: {
  /** Every slot of the lineup, in order, hidden ones included: the ranking is the turn's. */
  slots: SlotView[];
  /** The turn's message per slot, in slot order ('' where a slot has none). */
  messageIds: string[];
  /** Per slot, the share of its model that ran on the CPU, where Ollama reported one. */
  cpuShares: (number | undefined)[];
  sharedBackend: boolean;
  /** In a comparison, the reader's verdict on the turn; null in a battle (it takes a vote). */
  verdict: Omit<Parameters<typeof VerdictPicker>[0], 'slots' | 'names'> | null;
}) {
  const metas = useMessageMetas(messageIds);
  const finished = metas.length > 0 && metas.every((meta) => !meta || isFinal(meta.status));
  if (!finished) return null;
  const names = distinctNames(slots);
  const line = speedSummary(
    slots.flatMap((slot, index) => {
      const meta = metas[index];
      if (!meta) return [];
      return [
        {
          name: names[index] ?? slot.model,
          status: meta.status,
          tokensPerSecond: meta.metrics.tokensPerSecond,
          ttftMs: meta.metrics.ttftMs,
          cpuShare: cpuShares[index],
        },
      ];
    }),
  );
  if (!line && !verdict) return null;
  return (
    <div className="col-span-full flex flex-wrap items-center justify-between gap-x-4 gap-y-1.5 border-t border-zinc-200 bg-zinc-50 px-4 py-2 text-xs text-zinc-700 tabular-nums dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-300">
      <p data-testid="speed-summary" className="min-w-0">
        {line}
        {sharedBackend && (
          <span className="text-amber-800 dark:text-amber-400">
            {' '}
            Some models shared a backend in parallel, so their speeds affected each other.
          </span>
        )}
      </p>
      {verdict && <VerdictPicker {...verdict} slots={slots} names={names} />}
    </div>
  );
}
