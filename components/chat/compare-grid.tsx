'use client';

import {
  type CSSProperties,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { RunMode } from '@/lib/api/inputs';
import type { SlotView, TurnView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import type { ColumnLayout } from '@/lib/client/use-column-layout';
import { useStickToBottom } from '@/lib/client/use-stick-to-bottom';
import type { BackendStatus } from './backend-status';
import { ColumnHeader } from './column-header';
import { EarlierTurns } from './earlier-turns';
import { TurnRow, type Verdicts } from './turn-row';

/** Where the reader is: the first turn in view, and how far its top sits above the view's. */
interface Anchor {
  turnIndex: number;
  offset: number;
}

/**
 * The turn the reader is on: one that starts in the upper half of the view, else the one that
 * covers the top of the view.
 */
function anchorOf(scroller: HTMLElement): Anchor | null {
  const view = scroller.getBoundingClientRect();
  let covering: Anchor | null = null;
  for (const row of scroller.querySelectorAll<HTMLElement>('[data-turn-index]')) {
    const box = row.getBoundingClientRect();
    const anchor = { turnIndex: Number(row.dataset.turnIndex), offset: box.top - view.top };
    if (box.top >= view.top - 1) {
      return box.top < view.top + view.height / 2 ? anchor : (covering ?? anchor);
    }
    if (box.bottom > view.top) covering = anchor;
  }
  return covering;
}

/**
 * The conversation as one scroll: a header row that stays in view, then a row per turn in
 * which every column's answer starts at the same height. Columns share one grid, so widening
 * or hiding one reflows them all.
 */
export function CompareGrid({
  conversationId,
  slots,
  layout,
  turns,
  runMode,
  sharedSlots,
  modelInfoOf,
  backendStatusOf,
  onSlotsSaved,
  narrow,
  activeTabId,
  earlierTurns,
  loadingEarlier,
  onLoadEarlier,
  verdicts,
}: {
  conversationId: string;
  slots: SlotView[];
  layout: ColumnLayout<SlotView>;
  turns: TurnView[];
  runMode: RunMode;
  /** Slots that share their backend with another one while running in parallel. */
  sharedSlots: ReadonlySet<string>;
  modelInfoOf: (slot: SlotView) => Partial<ModelInfo> | undefined;
  /** The live status of a column's backend; absent where none is shown (a share). */
  backendStatusOf?: (slot: SlotView) => BackendStatus | undefined;
  /** Null where the parameters are only shown (a share). */
  onSlotsSaved: ((slots: SlotView[]) => void) | null;
  narrow: boolean;
  /** The slot of the active tab: on a narrow screen the grid shows its column only. */
  activeTabId: string | null;
  earlierTurns: number;
  loadingEarlier: boolean;
  onLoadEarlier: () => void;
  /** Named verdicts under finished turns: offered (a comparison), shown (a share), or none. */
  verdicts: Verdicts;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useStickToBottom(scrollRef, contentRef);
  const anchor = useRef<Anchor | null>(null);
  const latestTurnId = turns.at(-1)?.id;

  // A new turn: show it, and follow it as it streams. Earlier turns loaded above do not move it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the latest turn changes.
  useEffect(() => stickToBottom(), [latestTurnId, stickToBottom]);

  // Only where there are tabs: reading positions on every scroll forces a layout, and while an
  // answer streams and the view follows it, that is every frame.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !narrow) return;
    let frame = 0;
    const remember = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        anchor.current = anchorOf(scroller);
      });
    };
    anchor.current = anchorOf(scroller);
    scroller.addEventListener('scroll', remember, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', remember);
    };
  }, [narrow]);

  // Another tab shows other answers, of other heights: keep the same turn where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the tab changes.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const kept = anchor.current;
    if (!scroller || !kept) return;
    const row = scroller.querySelector<HTMLElement>(`[data-turn-index="${kept.turnIndex}"]`);
    if (!row) return;
    const moved = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop += moved - kept.offset;
  }, [activeTabId]);

  const { visible } = layout;
  const sharedBackend = runMode === 'parallel' && sharedSlots.size > 0;
  const activePosition = slots.find((slot) => slot.id === activeTabId)?.position ?? 0;
  return (
    <div
      ref={scrollRef}
      id="compare-panel"
      data-testid="compare-scroll"
      // On a phone the grid shows one column: the panel of its tab.
      {...(narrow && activeTabId
        ? { role: 'tabpanel', 'aria-labelledby': `tab-${activeTabId}` }
        : {})}
      className="min-h-0 flex-1 overflow-auto [scrollbar-gutter:stable]"
    >
      <div
        ref={contentRef}
        // On a narrow screen CSS shows one column, the active tab's (app/globals.css).
        data-active-position={activePosition}
        className="grid min-w-full grid-cols-(--columns) items-start max-md:grid-cols-1"
        style={{ '--columns': layout.template } as CSSProperties}
      >
        <div className="sticky top-0 z-10 col-span-full grid grid-cols-subgrid border-b border-zinc-200 shadow-[0_1px_2px_rgb(0_0_0/0.04)] dark:border-zinc-800">
          {visible.map((slot, index) => (
            <ColumnHeader
              key={slot.id}
              conversationId={conversationId}
              slot={slot}
              modelInfo={modelInfoOf(slot)}
              backendStatus={backendStatusOf?.(slot)}
              onSlotsSaved={onSlotsSaved}
              wide={layout.wide === slot.id}
              onToggleWide={() => layout.toggleWide(slot.id)}
              onHide={visible.length < 2 ? null : () => layout.hide(slot.id)}
              sharedBackend={runMode === 'parallel' && sharedSlots.has(slot.id)}
              last={index === visible.length - 1}
            />
          ))}
        </div>
        {earlierTurns > 0 && (
          <div className="col-span-full py-2">
            <div className="sticky left-0 w-fit max-w-full px-4">
              <EarlierTurns count={earlierTurns} loading={loadingEarlier} onLoad={onLoadEarlier} />
            </div>
          </div>
        )}
        {turns.length === 0 && (
          <p className="col-span-full py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">
            No answers yet.
          </p>
        )}
        {turns.map((turn, index) => (
          <TurnRow
            key={turn.id}
            turn={turn}
            slots={slots}
            visible={visible}
            runMode={runMode}
            latest={index === turns.length - 1}
            sharedBackend={sharedBackend}
            conversationId={conversationId}
            verdicts={verdicts}
          />
        ))}
      </div>
      <ScrollToLatestOnLoad />
    </div>
  );
}

/**
 * The server's HTML opens at the latest turn, as the page does once it runs: the first paint
 * used to show the top, and the jump after hydration was the page's largest paint. The script
 * runs while the HTML is parsed (its parent is the scroller, the turns are above it); rendered
 * in the browser it would not run, so it is there while hydrating only.
 */
function ScrollToLatestOnLoad() {
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  if (!hydrating) return null;
  return (
    <script
      // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant, our own.
      dangerouslySetInnerHTML={{
        __html: 'var s=document.currentScript.parentElement;s.scrollTop=s.scrollHeight;',
      }}
    />
  );
}

const noSubscription = () => () => {};
