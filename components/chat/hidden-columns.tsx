'use client';

import type { SlotView } from '@/lib/api/views';
import { shortModelName } from './format';

/** The columns hidden for a moment, each a button that shows it again. */
export function HiddenColumns({
  hidden,
  onShow,
}: {
  hidden: SlotView[];
  onShow: (id: string) => void;
}) {
  if (hidden.length === 0) return null;
  return (
    <div className="flex shrink-0 flex-wrap items-center gap-1.5 border-b border-zinc-200 px-3 py-1.5 text-xs dark:border-zinc-800">
      <span className="text-zinc-600 dark:text-zinc-400">Hidden:</span>
      {hidden.map((slot) => (
        <button
          key={slot.id}
          type="button"
          data-testid="show-column"
          onClick={() => onShow(slot.id)}
          title="Show this column again"
          className="rounded-md border border-zinc-200 px-2 py-0.5 font-mono text-zinc-700 outline-none hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          + {shortModelName(slot.model)}
        </button>
      ))}
    </div>
  );
}
