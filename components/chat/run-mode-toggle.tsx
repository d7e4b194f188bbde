'use client';

import { useId } from 'react';
import type { RunMode } from '@/lib/api/inputs';

const options: { value: RunMode; label: string }[] = [
  { value: 'parallel', label: 'Parallel' },
  { value: 'sequential', label: 'One at a time' },
];

export const runModeExplanation: Record<RunMode, string> = {
  parallel:
    'All models at once. Models sharing one GPU slow each other down, so their tok/s reads low.',
  sequential:
    'Each model runs alone, in lineup order, so tok/s measures the model rather than the contention.',
};

/** Parallel vs one-at-a-time, as native radios so arrow keys and screen readers just work. */
export function RunModeToggle({
  value,
  onChange,
  disabled = false,
  explain = true,
}: {
  value: RunMode;
  onChange: (value: RunMode) => void;
  disabled?: boolean;
  explain?: boolean;
}) {
  const name = useId();
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
      <fieldset
        data-testid="run-mode"
        disabled={disabled}
        className="inline-flex shrink-0 rounded-md border border-zinc-200 bg-zinc-100 p-0.5 disabled:opacity-60 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <legend className="sr-only">Run mode</legend>
        {options.map((option) => (
          <label
            key={option.value}
            className="relative cursor-pointer rounded-[5px] px-2.5 py-1 text-xs font-medium text-zinc-600 transition-colors has-checked:bg-white has-checked:text-zinc-900 has-checked:shadow-xs has-focus-visible:ring-2 has-focus-visible:ring-indigo-500/60 dark:text-zinc-400 dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-50"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {explain && (
        <p className="min-w-0 text-xs text-zinc-500 dark:text-zinc-400">
          {runModeExplanation[value]}
        </p>
      )}
    </div>
  );
}
