import { formatDuration } from '@/components/chat/format';
import type { SuiteRunView } from '@/lib/api/suite-views';

const STATUS_TEXT = { running: 'Running', paused: 'Paused', done: 'Finished' } as const;

/** Done / total answers, the time it has run, and what is left at its pace so far. */
export function RunProgress({ run }: { run: SuiteRunView }) {
  const { doneCells, totalCells, activeMs, estimateMs } = run.progress;
  const share = totalCells === 0 ? 0 : doneCells / totalCells;
  return (
    <div className="grid grid-cols-1 gap-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span>
          <span className="font-semibold text-zinc-900 dark:text-zinc-100">
            {STATUS_TEXT[run.status]}
          </span>
          {' · '}
          {doneCells} / {totalCells} answers
        </span>
        <span>
          {formatDuration(activeMs)} elapsed
          {estimateMs !== null &&
            run.status !== 'done' &&
            ` · about ${formatDuration(estimateMs)} left`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Answers done"
        aria-valuemin={0}
        aria-valuemax={totalCells}
        aria-valuenow={doneCells}
        className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-500 ${run.status === 'paused' ? 'bg-amber-500' : 'bg-indigo-500'}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}
