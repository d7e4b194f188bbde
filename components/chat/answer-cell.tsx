'use client';

import { memo } from 'react';
import type { RunMode } from '@/lib/api/inputs';
import type { MessageView, SlotView } from '@/lib/api/views';
import { AttemptSwitcher } from './attempt-switcher';
import { CellFooter } from './cell-footer';
import { MessageBlock } from './message-block';

/** One model's answer to one prompt: a cell of the compare grid, top-aligned in its row. */
export const AnswerCell = memo(function AnswerCell({
  slot,
  message,
  attempts,
  latest,
  runMode,
  last,
}: {
  slot: SlotView;
  /** The attempt on show. */
  message: MessageView | undefined;
  /** Every attempt at this answer, oldest first. */
  attempts: MessageView[];
  latest: boolean;
  runMode: RunMode;
  /** The rightmost column on show: no border after it. */
  last: boolean;
}) {
  return (
    <div
      data-testid="cell"
      data-slot-position={slot.position}
      className={`min-w-0 px-4 pt-3 pb-4 ${latest ? '' : 'answer-earlier'} ${last ? '' : 'border-r border-zinc-200 max-md:border-r-0 dark:border-zinc-800'}`}
    >
      {message ? (
        <>
          {attempts.length > 1 && <AttemptSwitcher attempts={attempts} shown={message} />}
          <MessageBlock
            key={message.id}
            id={message.id}
            latest={latest}
            runMode={runMode}
            backendKind={slot.backendKind}
          />
          <CellFooter messageId={message.id} latest={latest} />
        </>
      ) : (
        <p className="text-sm text-zinc-500">This model was not part of this turn.</p>
      )}
    </div>
  );
});
