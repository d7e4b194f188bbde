'use client';

import { PlusIcon } from '@/components/ui/icons';
import type { BackendView } from '@/lib/api/views';
import { type DraftSlot, MAX_SLOTS, MIN_SLOTS, nextSlot } from './lineup';
import { LineupSlot } from './lineup-slot';

/** The slots of a new comparison: 2 to 6 models, each on its backend. */
export function LineupEditor({
  backends,
  lineup,
  onChange,
}: {
  backends: BackendView[];
  lineup: DraftSlot[];
  onChange: (lineup: DraftSlot[]) => void;
}) {
  return (
    <ol className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-3">
      {lineup.map((slot, index) => (
        <LineupSlot
          key={slot.key}
          index={index}
          slot={slot}
          backends={backends}
          onChange={(next) =>
            onChange(lineup.map((other) => (other.key === slot.key ? next : other)))
          }
          onRemove={
            lineup.length > MIN_SLOTS
              ? () => onChange(lineup.filter((other) => other.key !== slot.key))
              : undefined
          }
        />
      ))}
      {lineup.length < MAX_SLOTS && (
        <li>
          <button
            type="button"
            onClick={() => onChange([...lineup, nextSlot(backends, lineup)])}
            className="flex h-full min-h-24 w-full flex-col items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 text-sm text-zinc-500 outline-none dark:text-zinc-400 transition-colors hover:border-zinc-400 hover:bg-zinc-50 hover:text-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:border-zinc-700 dark:hover:border-zinc-600 dark:hover:bg-zinc-900 dark:hover:text-zinc-200"
          >
            <PlusIcon />
            Add a model
            <span className="text-[11px] text-zinc-500 dark:text-zinc-400">
              {lineup.length} of {MAX_SLOTS}
            </span>
          </button>
        </li>
      )}
    </ol>
  );
}
