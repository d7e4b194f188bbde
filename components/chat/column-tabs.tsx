'use client';

import { StatusDot } from '@/components/ui/status-pill';
import type { SlotView } from '@/lib/api/views';
import type { MessageMeta } from '@/lib/client/message-state';
import { shortModelName } from './format';

/** On narrow screens the columns become tabs, each with its latest message's status. */
export function ColumnTabs({
  slots,
  metas,
  active,
  onSelect,
}: {
  slots: SlotView[];
  metas: (MessageMeta | undefined)[];
  active: number;
  onSelect: (index: number) => void;
}) {
  return (
    <div
      role="tablist"
      aria-label="Models"
      className="flex shrink-0 gap-1 overflow-x-auto border-b border-zinc-200 px-2 py-1.5 md:hidden dark:border-zinc-800"
      onKeyDown={(event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        event.preventDefault();
        const next = (active + (event.key === 'ArrowRight' ? 1 : -1) + slots.length) % slots.length;
        onSelect(next);
        event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
      }}
    >
      {slots.map((slot, index) => {
        const meta = metas[index];
        const selected = index === active;
        return (
          <button
            key={slot.id}
            id={`tab-${slot.id}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="compare-panel"
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(index)}
            className={`flex max-w-[11rem] shrink-0 items-center gap-1.5 rounded-md px-2.5 py-1.5 text-xs outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/60 ${
              selected
                ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800'
            }`}
          >
            {meta && <StatusDot status={meta.status} className="size-2" />}
            <span className="truncate font-mono">{shortModelName(slot.model)}</span>
            {meta && <span className="sr-only">({meta.status})</span>}
          </button>
        );
      })}
    </div>
  );
}
