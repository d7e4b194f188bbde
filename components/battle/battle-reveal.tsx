'use client';

import Link from 'next/link';
import { slotColors } from '@/components/chat/column-header';
import { modelHint } from '@/components/chat/format';
import { buttonClass } from '@/components/ui/button';
import type { BattleOutcome } from '@/lib/api/inputs';
import type { BattleView, ShareTally, SlotView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import { sideName } from '@/lib/battles/blind';
import { NewBattleButton } from './new-battle-button';

const verdictText: Record<BattleOutcome, string> = {
  a: 'Model A better',
  b: 'Model B better',
  tie: 'a tie',
  bothbad: 'both bad',
};

/**
 * After the vote: who was who (model, backend, what the backend reported of it), how the vote
 * went, and whether it counts. Every turn's metrics stay in the columns above. On a share page
 * (`shared`) it links nowhere else in the instance, and a blind challenge adds how its
 * recipients voted.
 */
export function BattleReveal({
  battle,
  slots,
  modelInfoOf,
  shared,
}: {
  battle: BattleView;
  slots: SlotView[];
  modelInfoOf: (slot: SlotView) => Partial<ModelInfo> | undefined;
  shared?: { vote: BattleOutcome | null; tally: ShareTally | null };
}) {
  const vote = battle.vote;
  return (
    <section
      aria-label="The models, revealed"
      data-testid="battle-reveal"
      className="shrink-0 border-t border-zinc-200 bg-zinc-50 px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
        <dl className="grid min-w-0 flex-1 gap-1.5 sm:grid-cols-2">
          {slots.map((slot) => {
            const info = modelInfoOf(slot);
            const facts = [slot.backendLabel, modelHint(info)].filter(Boolean).join(' · ');
            return (
              <div key={slot.id} className="grid min-w-0 grid-cols-[auto_1fr] gap-x-2">
                <dt className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                  <span
                    aria-hidden="true"
                    className={`size-2 rounded-sm ${slotColors[slot.position % slotColors.length]}`}
                  />
                  {sideName(slot.position)}
                </dt>
                <dd className="min-w-0 truncate">
                  <span
                    data-testid="revealed-model"
                    className="font-mono text-[13px] font-semibold text-zinc-900 dark:text-zinc-50"
                    title={slot.model}
                  >
                    {slot.model}
                  </span>
                </dd>
                <dd className="col-start-2 min-w-0 truncate text-xs text-zinc-600 dark:text-zinc-400">
                  {facts}
                  {info?.digest && (
                    <span className="font-mono" title={`digest ${info.digest}`}>
                      {' '}
                      · {info.digest.slice(0, 12)}
                    </span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
        {!shared && (
          <div className="flex shrink-0 items-center gap-2">
            <Link href="/leaderboard" className={buttonClass('ghost', 'md')}>
              Leaderboard
            </Link>
            {battle.mine && <NewBattleButton variant="primary" withKey />}
          </div>
        )}
      </div>
      {shared?.tally && shared.vote && <ShareTallyLine vote={shared.vote} tally={shared.tally} />}
      {vote && shared && (
        <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300" data-testid="owner-vote">
          The owner voted {verdictText[vote.outcome]}.
        </p>
      )}
      {vote && !shared && (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300" data-testid="vote-result">
          {battle.mine ? 'You voted' : 'The vote:'} {verdictText[vote.outcome]}.{' '}
          {vote.leaked ? (
            <span className="text-amber-800 dark:text-amber-400" data-testid="vote-leaked">
              It is kept, but left off the leaderboard: the answers told the models apart.{' '}
              {vote.leakReason}
            </span>
          ) : (
            'It counts on the leaderboard.'
          )}
        </p>
      )}
    </section>
  );
}

const tallyLabels: [BattleOutcome, string][] = [
  ['a', 'A'],
  ['b', 'B'],
  ['tie', 'tie'],
  ['bothbad', 'both bad'],
];

/** A blind challenge's votes, shown to a recipient once they voted. */
function ShareTallyLine({ vote, tally }: { vote: BattleOutcome; tally: ShareTally }) {
  const total = tally.a + tally.b + tally.tie + tally.bothbad;
  return (
    <p
      className="mt-2 text-xs text-zinc-700 tabular-nums dark:text-zinc-300"
      data-testid="share-tally"
    >
      You voted {verdictText[vote]}. {total} {total === 1 ? 'vote' : 'votes'} so far:{' '}
      {tallyLabels.map(([outcome, label], index) => (
        <span key={outcome}>
          {index > 0 && ' · '}
          {label} {tally[outcome]}
        </span>
      ))}
      .
    </p>
  );
}
