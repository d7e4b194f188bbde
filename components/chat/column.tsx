'use client';

import { memo, useEffect, useRef } from 'react';
import type { RunMode } from '@/lib/api/inputs';
import type { SlotView, TurnView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import { useStickToBottom } from '@/lib/client/use-stick-to-bottom';
import { ColumnFooter } from './column-footer';
import { ColumnHeader } from './column-header';
import { EarlierTurns } from './earlier-turns';
import { MessageBlock } from './message-block';
import { TurnPrompt } from './turn-prompt';

/** One slot: its header, every turn's answer from this slot, and the latest one's footer. */
export const Column = memo(function Column({
  conversationId,
  slot,
  turns,
  runMode,
  sharedBackend,
  noteRow,
  modelInfo,
  visibleOnNarrow,
  asTabPanel,
  onSlotsSaved,
  earlierTurns,
  loadingEarlier,
  onLoadEarlier,
}: {
  conversationId: string;
  slot: SlotView;
  turns: TurnView[];
  runMode: RunMode;
  sharedBackend: boolean;
  noteRow: boolean;
  modelInfo: Partial<ModelInfo> | undefined;
  visibleOnNarrow: boolean;
  /** On narrow screens the column is the panel of its tab. */
  asTabPanel: boolean;
  onSlotsSaved: (slots: SlotView[]) => void;
  /** Turns before the first one shown, not loaded yet. */
  earlierTurns: number;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useStickToBottom(scrollRef, contentRef);
  const answers = turns.map((turn) => ({
    turn,
    message: turn.messages.find((message) => message.slotId === slot.id),
  }));
  const latest = answers[answers.length - 1]?.message;
  const latestTurnId = turns[turns.length - 1]?.id;

  // A new turn: show it, and follow it as it streams. Earlier turns loaded above do not move it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the latest turn changes.
  useEffect(() => stickToBottom(), [latestTurnId, stickToBottom]);

  return (
    <section
      id={`column-${slot.id}`}
      data-testid="column"
      data-slot-position={slot.position}
      aria-label={`${slot.model} on ${slot.backendLabel}`}
      role={asTabPanel ? 'tabpanel' : undefined}
      aria-labelledby={asTabPanel ? `tab-${slot.id}` : undefined}
      className={`flex min-h-0 min-w-0 flex-col border-zinc-200 md:border-r md:last:border-r-0 dark:border-zinc-800 ${visibleOnNarrow ? '' : 'max-md:hidden'}`}
    >
      <ColumnHeader
        conversationId={conversationId}
        slot={slot}
        modelInfo={modelInfo}
        onSlotsSaved={onSlotsSaved}
      />
      <div
        ref={scrollRef}
        // Strict containment: a growing answer relays out only its own column, not the grid of
        // columns around it (which otherwise measures every column's content on each token).
        className="min-h-0 flex-1 overflow-y-auto [contain:strict] [scrollbar-gutter:stable]"
      >
        <div ref={contentRef} className="grid grid-cols-[minmax(0,1fr)] gap-6 px-4 py-4">
          {earlierTurns > 0 && (
            <EarlierTurns count={earlierTurns} loading={loadingEarlier} onLoad={onLoadEarlier} />
          )}
          {answers.length === 0 && (
            <p className="py-10 text-center text-sm text-zinc-400">No answers yet.</p>
          )}
          {answers.map(({ turn, message }, index) => (
            <article key={turn.id} aria-label={`Prompt ${turn.index + 1}`} className="min-w-0">
              <TurnPrompt index={turn.index} prompt={turn.prompt} />
              {message ? (
                <MessageBlock
                  id={message.id}
                  latest={index === answers.length - 1}
                  runMode={runMode}
                />
              ) : (
                <p className="text-sm text-zinc-400">This model was not part of this turn.</p>
              )}
            </article>
          ))}
        </div>
      </div>
      {latest && (
        <ColumnFooter messageId={latest.id} sharedBackend={sharedBackend} noteRow={noteRow} />
      )}
    </section>
  );
});
