'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { BattleOutcome } from '@/lib/api/inputs';
import { messageOf } from '@/lib/client/api';
import { isTyping } from './new-battle-button';

const choices: { outcome: BattleOutcome; label: string; key: string }[] = [
  { outcome: 'a', label: 'A is better', key: '1' },
  { outcome: 'b', label: 'B is better', key: '2' },
  { outcome: 'tie', label: 'Tie', key: '3' },
  { outcome: 'bothbad', label: 'Both are bad', key: '4' },
];

/**
 * The battle's one vote, offered once both sides have answered and nothing is streaming. The
 * vote reveals the models (and ends the battle, or shows a blind challenge's votes); keys 1–4
 * vote too.
 */
export function VoteBar({
  ready,
  onVote,
  explanation,
}: {
  /** At least one answer is finished and none is being written. */
  ready: boolean;
  /** Sends the vote; a throw is shown and the buttons come back. */
  onVote: (outcome: BattleOutcome) => Promise<void>;
  /** What the vote does, said next to the buttons. */
  explanation: string;
}) {
  const [voting, setVoting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const vote = async (outcome: BattleOutcome) => {
    if (voting || !ready) return;
    setVoting(true);
    setError(null);
    try {
      await onVote(outcome);
    } catch (caught) {
      setError(messageOf(caught));
      setVoting(false);
    }
  };

  useEffect(() => {
    if (!ready) return;
    const onKey = (event: KeyboardEvent) => {
      const choice = choices.find((candidate) => candidate.key === event.key);
      if (!choice || event.defaultPrevented || isTyping(event)) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      event.preventDefault();
      void vote(choice.outcome);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section
      aria-label="Vote"
      data-testid="vote-bar"
      className="flex shrink-0 flex-wrap items-center gap-2 border-t border-zinc-200 bg-zinc-50 px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <p className="mr-1 text-xs text-zinc-700 dark:text-zinc-300">
        {ready ? explanation : 'Vote once the answers are finished.'}
      </p>
      <div className="flex flex-wrap gap-1.5">
        {choices.map((choice) => (
          <button
            key={choice.outcome}
            type="button"
            data-testid={`vote-${choice.outcome}`}
            disabled={!ready || voting}
            onClick={() => void vote(choice.outcome)}
            className={buttonClass('secondary', 'sm')}
          >
            {choice.label}
            <kbd className="rounded border border-zinc-300 px-1 font-sans text-[10px] text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              {choice.key}
            </kbd>
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
