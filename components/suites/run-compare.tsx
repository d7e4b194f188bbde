import { formatRate, shortModelName } from '@/components/chat/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { SuiteRunView } from '@/lib/api/suite-views';
import { type ComparedCell, compareRuns } from '@/lib/suites/compare-runs';
import { median } from '@/lib/suites/run-stats';
import { VERDICT_LABEL } from './verdict-badge';

const CHANGE_STYLE = {
  better: 'bg-emerald-50 dark:bg-emerald-950/40',
  worse: 'bg-red-50 dark:bg-red-950/40',
  same: '',
  new: '',
  unknown: '',
} as const;

const verdicts = (cells: ComparedCell['now']) =>
  cells.map((cell) => (cell.verdict ? VERDICT_LABEL[cell.verdict].slice(0, 1) : '…')).join(' ') ||
  '–';

function speedText(cell: ComparedCell): string {
  const speed = median(
    cell.now.flatMap((each) => (each.tokensPerSecond === null ? [] : [each.tokensPerSecond])),
  );
  const now = speed === null ? '–' : `${formatRate(speed)} tok/s`;
  if (cell.speedChange === null) return now;
  const sign = cell.speedChange >= 0 ? '+' : '−';
  return `${now} (${sign}${Math.abs(Math.round(cell.speedChange * 100))}%)`;
}

/** This run beside an earlier run of the suite: verdicts that moved are highlighted. */
export function RunCompare({ run, other }: { run: SuiteRunView; other: SuiteRunView }) {
  const rows = compareRuns(run, other);
  const changed = rows.reduce(
    (count, row) =>
      count +
      row.cells.filter((cell) => cell.change === 'better' || cell.change === 'worse').length,
    0,
  );
  const cellClass = 'border-b border-zinc-200 px-3 py-2 align-top dark:border-zinc-800';
  return (
    <div className="grid grid-cols-1 gap-2">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Against the run of{' '}
        {new Date(other.createdAt).toLocaleString('en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}
        :{' '}
        {changed === 0
          ? 'no verdict changed.'
          : `${changed} verdict${changed === 1 ? '' : 's'} changed.`}{' '}
        Before → now; speed change in brackets.
      </p>
      <ScrollRegion label="Changes against the earlier run">
        <table className="w-full border-separate border-spacing-0 text-left text-xs">
          <caption className="sr-only">Changes against the earlier run</caption>
          <thead>
            <tr>
              <th scope="col" className={`${cellClass} font-medium text-zinc-500`}>
                Prompt
              </th>
              {run.models.map((model) => (
                <th key={model.position} scope="col" className={`${cellClass} font-mono`}>
                  {shortModelName(model.model)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.promptId}>
                <th scope="row" className={`${cellClass} font-medium`}>
                  {row.title}
                </th>
                {row.cells.map((cell, position) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its lineup position.
                    key={position}
                    className={`${cellClass} tabular-nums ${CHANGE_STYLE[cell.change]}`}
                    data-change={cell.change}
                  >
                    <span className="font-semibold">
                      {cell.change === 'new'
                        ? `new: ${verdicts(cell.now)}`
                        : `${verdicts(cell.before)} → ${verdicts(cell.now)}`}
                    </span>
                    <span className="block text-zinc-600 dark:text-zinc-400">
                      {speedText(cell)}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
