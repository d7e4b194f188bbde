'use client';

import { memo } from 'react';
import type { RunMode } from '@/lib/api/inputs';
import type { SlotView, TurnView } from '@/lib/api/views';
import { attemptsOf, shownOf } from '@/lib/client/turn-attempts';
import { AnswerCell } from './answer-cell';
import { TurnPrompt } from './turn-prompt';
import { TurnSummary } from './turn-summary';

export type Verdicts = 'edit' | 'show' | 'none';

const cpuShareOf = (vramShare: number | undefined) =>
  vramShare === undefined ? undefined : 1 - vramShare;

/**
 * One turn: its prompt once, then every column's answer side by side in one row of the grid,
 * so turn N of every model starts at the same height; its speed ranking under it.
 */
export const TurnRow = memo(function TurnRow({
  turn,
  slots,
  visible,
  runMode,
  latest,
  sharedBackend,
  conversationId,
  verdicts,
}: {
  turn: TurnView;
  /** The whole lineup: the ranking covers hidden columns too. */
  slots: SlotView[];
  visible: SlotView[];
  runMode: RunMode;
  latest: boolean;
  sharedBackend: boolean;
  conversationId: string;
  /** Offer a named verdict on the turn (a comparison), show the owner's (a share), or neither. */
  verdicts: Verdicts;
}) {
  const messageOf = (slot: SlotView) => shownOf(turn, slot.id);
  return (
    <section
      data-turn-index={turn.index}
      aria-label={`Prompt ${turn.index + 1}`}
      className="col-span-full grid grid-cols-subgrid border-b border-zinc-200 dark:border-zinc-800"
    >
      <TurnPrompt index={turn.index} prompt={turn.prompt} />
      {visible.map((slot, index) => (
        <AnswerCell
          key={slot.id}
          slot={slot}
          message={messageOf(slot)}
          attempts={attemptsOf(turn, slot.id)}
          latest={latest}
          runMode={runMode}
          last={index === visible.length - 1}
        />
      ))}
      <TurnSummary
        slots={slots}
        messageIds={slots.map((slot) => messageOf(slot)?.id ?? '')}
        cpuShares={slots.map((slot) => cpuShareOf(messageOf(slot)?.modelInfo.vramShare))}
        sharedBackend={sharedBackend}
        verdict={
          verdicts === 'none'
            ? null
            : {
                conversationId: verdicts === 'edit' ? conversationId : null,
                turnId: turn.id,
                initial: turn.verdict,
              }
        }
      />
    </section>
  );
});
