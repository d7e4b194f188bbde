'use client';

import { useState } from 'react';
import type { VerdictBest } from '@/lib/api/inputs';
import type { SlotView } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { slotColors } from './column-header';

/**
 * A named verdict on a finished turn: which column answered best, or a tie. Named, so it is
 * kept apart from blind battle votes; the leaderboard counts it only when asked to. Without a
 * conversation (a share page) it only says what the owner chose.
 */
export function VerdictPicker({
  conversationId,
  turnId,
  slots,
  names,
  initial,
}: {
  conversationId: string | null;
  turnId: string;
  slots: SlotView[];
  names: string[];
  initial: VerdictBest | null;
}) {
  const [best, setBest] = useState<VerdictBest | null>(initial);
  const [error, setError] = useState<string | null>(null);

  if (conversationId === null) return <VerdictText best={initial} slots={slots} names={names} />;

  const choose = async (choice: VerdictBest) => {
    const next = best === choice ? null : choice;
    const previous = best;
    setBest(next);
    setError(null);
    try {
      await api.setVerdict(conversationId, turnId, next);
    } catch (caught) {
      setBest(previous);
      setError(messageOf(caught));
    }
  };

  const option = (choice: VerdictBest, label: string, dot?: string) => (
    <button
      key={String(choice)}
      type="button"
      aria-pressed={best === choice}
      data-testid="verdict-option"
      onClick={() => void choose(choice)}
      className={`inline-flex h-6 items-center gap-1 rounded border px-1.5 text-[11px] outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500/60 ${
        best === choice
          ? 'border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900'
          : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'
      }`}
    >
      {dot && <span aria-hidden="true" className={`size-1.5 rounded-sm ${dot}`} />}
      <span className="max-w-40 truncate">{label}</span>
    </button>
  );

  return (
    <fieldset className="inline-flex flex-wrap items-center gap-1">
      <legend className="sr-only">Best answer of this prompt</legend>
      <span aria-hidden="true" className="mr-0.5 text-zinc-600 dark:text-zinc-400">
        Best:
      </span>
      {slots.map((slot, index) =>
        option(
          slot.position,
          names[index] ?? slot.model,
          slotColors[slot.position % slotColors.length],
        ),
      )}
      {option('tie', 'Tie')}
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function VerdictText({
  best,
  slots,
  names,
}: {
  best: VerdictBest | null;
  slots: SlotView[];
  names: string[];
}) {
  if (best === null) return null;
  const index = slots.findIndex((slot) => slot.position === best);
  const slot = slots[index];
  return (
    <p data-testid="verdict-shown" className="inline-flex items-center gap-1">
      <span className="text-zinc-600 dark:text-zinc-400">Best answer, as judged by its owner:</span>
      {slot ? (
        <>
          <span
            aria-hidden="true"
            className={`size-1.5 rounded-sm ${slotColors[slot.position % slotColors.length]}`}
          />
          <span className="font-medium">{names[index] ?? slot.model}</span>
        </>
      ) : (
        <span className="font-medium">a tie</span>
      )}
    </p>
  );
}
