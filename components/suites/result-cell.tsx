'use client';

import Link from 'next/link';
import { formatDuration, formatRate } from '@/components/chat/format';
import type { RunCellView, RunItemView } from '@/lib/api/suite-views';
import { VerdictBadge } from './verdict-badge';

export interface CellEntry {
  item: RunItemView;
  cell: RunCellView;
}

export type JudgeCell = (entry: CellEntry, verdict: 'pass' | 'fail' | null) => void;

const judgeButton =
  'inline-flex h-6 min-w-7 items-center justify-center rounded border px-1.5 text-[11px] font-semibold outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/60 disabled:opacity-40';

/** One answer in the grid: verdict, speed, first token, a link to the side-by-side view. */
function Entry({
  entry,
  repeats,
  busy,
  onJudge,
}: {
  entry: CellEntry;
  repeats: number;
  busy: boolean;
  onJudge: JudgeCell;
}) {
  const { item, cell } = entry;
  const href = item.conversationId ? `/c/${item.conversationId}` : null;
  if (item.awaitingVote) {
    return (
      <div className="flex items-center gap-2 text-xs">
        {href ? (
          <Link
            href={href}
            prefetch={false}
            className="inline-flex min-h-6 items-center font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            {item.status === 'done' ? 'Vote to see' : 'Battle running…'}
          </Link>
        ) : (
          <span className="text-zinc-500">Queued</span>
        )}
      </div>
    );
  }
  const toJudge = cell.verdict === 'judge' || cell.judgedBy === 'person';
  return (
    <div className="grid grid-cols-1 gap-1">
      <div className="flex flex-wrap items-center gap-1.5">
        {repeats > 1 && (
          <span className="w-5 text-[10px] text-zinc-500 tabular-nums dark:text-zinc-400">
            #{item.repeat + 1}
          </span>
        )}
        <VerdictBadge cell={cell} />
        {toJudge && (
          <span className="inline-flex gap-1">
            <button
              type="button"
              disabled={busy}
              aria-pressed={cell.verdict === 'pass' && cell.judgedBy === 'person'}
              aria-label={`Mark pass${repeats > 1 ? `, repeat ${item.repeat + 1}` : ''}`}
              onClick={() =>
                onJudge(
                  entry,
                  cell.judgedBy === 'person' && cell.verdict === 'pass' ? null : 'pass',
                )
              }
              className={`${judgeButton} border-emerald-300 text-emerald-800 hover:bg-emerald-50 aria-pressed:bg-emerald-600 aria-pressed:text-white dark:border-emerald-800 dark:text-emerald-300 dark:hover:bg-emerald-950`}
            >
              ✓
            </button>
            <button
              type="button"
              disabled={busy}
              aria-pressed={cell.verdict === 'fail' && cell.judgedBy === 'person'}
              aria-label={`Mark fail${repeats > 1 ? `, repeat ${item.repeat + 1}` : ''}`}
              onClick={() =>
                onJudge(
                  entry,
                  cell.judgedBy === 'person' && cell.verdict === 'fail' ? null : 'fail',
                )
              }
              className={`${judgeButton} border-red-300 text-red-800 hover:bg-red-50 aria-pressed:bg-red-600 aria-pressed:text-white dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950`}
            >
              ✗
            </button>
          </span>
        )}
      </div>
      <div className="flex flex-wrap items-baseline gap-x-2 text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400">
        {cell.tokensPerSecond !== null && (
          <span className="font-semibold text-zinc-900 dark:text-zinc-100">
            {formatRate(cell.tokensPerSecond)} tok/s
          </span>
        )}
        {cell.ttftMs !== null && (
          <span title="Time to first token">{formatDuration(cell.ttftMs)}</span>
        )}
        {cell.errorCode && <span className="text-red-700 dark:text-red-400">{cell.errorCode}</span>}
        {href && cell.status !== 'queued' && (
          <Link
            href={href}
            prefetch={false}
            className="inline-flex min-h-6 items-center text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            Open
          </Link>
        )}
      </div>
      {cell.detail && cell.verdict !== 'judge' && cell.judgedBy !== 'person' && (
        <p className="line-clamp-2 text-[11px] text-zinc-500 dark:text-zinc-400">{cell.detail}</p>
      )}
    </div>
  );
}

/** A grid cell: one prompt's answers by one model, one line per repeat. */
export function ResultCell({
  entries,
  repeats,
  busy,
  onJudge,
}: {
  entries: CellEntry[];
  repeats: number;
  busy: boolean;
  onJudge: JudgeCell;
}) {
  return (
    <div className="grid grid-cols-1 gap-2">
      {entries.map((entry) => (
        <Entry key={entry.item.id} entry={entry} repeats={repeats} busy={busy} onJudge={onJudge} />
      ))}
    </div>
  );
}
