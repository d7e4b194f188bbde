'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ChevronIcon } from '@/components/ui/icons';
import type { MessageView } from '@/lib/api/views';
import { messageOf } from '@/lib/client/api';
import { useTurnActions } from './turn-actions';

/**
 * "‹ 2/3 ›" above an answer that was retried: each attempt keeps its text and figures, and the
 * one on show is what the model's later prompts go on from.
 */
export function AttemptSwitcher({
  attempts,
  shown,
}: {
  attempts: MessageView[];
  shown: MessageView;
}) {
  const actions = useTurnActions();
  const [error, setError] = useState<string | null>(null);
  const index = attempts.findIndex((attempt) => attempt.id === shown.id);
  const go = (to: number) => {
    const target = attempts[to];
    if (!target) return;
    setError(null);
    actions.showAttempt(target).catch((caught: unknown) => setError(messageOf(caught)));
  };
  const button = buttonClass('ghost', 'icon', 'size-6 text-zinc-600 dark:text-zinc-400');
  return (
    <div className="mb-2 flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <button
        type="button"
        aria-label="Previous attempt"
        disabled={index <= 0}
        onClick={() => go(index - 1)}
        className={button}
      >
        <ChevronIcon className="size-3 rotate-180" />
      </button>
      <span data-testid="attempt-switcher" className="tabular-nums">
        Attempt {index + 1}/{attempts.length}
      </span>
      <button
        type="button"
        aria-label="Next attempt"
        disabled={index >= attempts.length - 1}
        onClick={() => go(index + 1)}
        className={button}
      >
        <ChevronIcon className="size-3" />
      </button>
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </div>
  );
}
