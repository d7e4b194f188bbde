import type { RunCellView } from '@/lib/api/suite-views';

const STYLES = {
  pass: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900',
  fail: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900',
  judge:
    'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900',
  waiting:
    'bg-zinc-50 text-zinc-600 ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-400 dark:ring-zinc-800',
} as const;

export const VERDICT_LABEL = { pass: '✓ Pass', fail: '✗ Fail', judge: '? Judge' } as const;

/** What a cell's state reads as before it has a verdict. */
function waitingLabel(cell: RunCellView): string {
  if (cell.status === 'queued') return 'Queued';
  if (cell.status === 'pending' || cell.status === 'streaming') return 'Running…';
  return 'Checking…';
}

/** A cell's verdict: pass, fail, to judge, or where its answer is. */
export function VerdictBadge({ cell }: { cell: RunCellView }) {
  const style = cell.verdict ? STYLES[cell.verdict] : STYLES.waiting;
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold whitespace-nowrap ring-1 ring-inset ${style}`}
      title={cell.detail || undefined}
    >
      {cell.verdict ? VERDICT_LABEL[cell.verdict] : waitingLabel(cell)}
      {cell.judgedBy === 'person' && <span className="ml-1 font-normal opacity-75">(you)</span>}
    </span>
  );
}
