'use client';

import { formatDuration, formatRate, shortModelName } from '@/components/chat/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import type { SuiteRunView } from '@/lib/api/suite-views';
import { describeCheck } from '@/lib/suites/checks/describe-check';
import type { ModelSummary } from '@/lib/suites/run-stats';
import { modelColor } from './model-colors';
import { type CellEntry, type JudgeCell, ResultCell } from './result-cell';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

function PassRate({ summary }: { summary: ModelSummary }) {
  if (summary.passRate === null) return <span className="text-zinc-500">–</span>;
  return (
    <span>
      <span className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        {percent(summary.passRate)}
      </span>{' '}
      <span className="text-zinc-500 dark:text-zinc-400">
        {summary.passed}/{summary.passed + summary.failed}
        {summary.spread && ` · ${percent(summary.spread.min)}–${percent(summary.spread.max)}`}
      </span>
      {summary.toJudge > 0 && (
        <span className="block text-amber-800 dark:text-amber-300">{summary.toJudge} to judge</span>
      )}
    </span>
  );
}

const SUMMARY_ROWS: { label: string; value: (summary: ModelSummary) => React.ReactNode }[] = [
  { label: 'Pass rate', value: (summary) => <PassRate summary={summary} /> },
  {
    label: 'Median tok/s',
    value: (s) => (s.medianTokensPerSecond === null ? '–' : formatRate(s.medianTokensPerSecond)),
  },
  {
    label: 'Median first token',
    value: (s) => (s.medianTtftMs === null ? '–' : formatDuration(s.medianTtftMs)),
  },
  { label: 'Total time', value: (s) => formatDuration(s.totalMs) },
  { label: 'Tokens', value: (s) => s.completionTokens.toLocaleString('en-US') },
];

/** Prompts down, models across, a summary per model under them. */
export function ResultsGrid({
  run,
  summaries,
  busy,
  onJudge,
}: {
  run: SuiteRunView;
  summaries: ModelSummary[];
  busy: boolean;
  onJudge: JudgeCell;
}) {
  const entriesAt = (promptIndex: number, position: number): CellEntry[] =>
    run.items
      .filter((item) => item.promptIndex === promptIndex)
      .flatMap((item) => {
        const cell = item.cells.find((each) => each.position === position);
        return cell ? [{ item, cell }] : [];
      });
  const cellClass = 'border-b border-zinc-200 px-3 py-2 align-top dark:border-zinc-800';
  const firstColumn =
    'sticky left-0 z-10 bg-white dark:bg-zinc-950 border-r border-zinc-200 dark:border-zinc-800';
  return (
    <ScrollRegion label="Results table">
      <table className="w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">Results: prompts down, models across</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className={`${cellClass} ${firstColumn} min-w-40 text-xs font-medium text-zinc-500 dark:text-zinc-400`}
            >
              Prompt
            </th>
            {run.models.map((model) => (
              <th key={model.position} scope="col" className={`${cellClass} min-w-44`}>
                <span className="flex items-center gap-1.5">
                  <span
                    aria-hidden="true"
                    className={`size-2 shrink-0 rounded-full ${modelColor(model.position).bg}`}
                  />
                  <span className="truncate font-mono text-xs font-semibold" title={model.model}>
                    {shortModelName(model.model)}
                  </span>
                </span>
                <span className="block text-[11px] font-normal text-zinc-500 dark:text-zinc-400">
                  {model.backendLabel}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.prompts.map((prompt, promptIndex) => (
            <tr key={prompt.id}>
              <th scope="row" className={`${cellClass} ${firstColumn} max-w-56 font-normal`}>
                <span className="block font-medium">{prompt.title}</span>
                <span className="block text-[11px] text-zinc-500 dark:text-zinc-400">
                  {describeCheck(prompt.check)}
                </span>
              </th>
              {run.models.map((model) => (
                <td key={model.position} className={cellClass}>
                  <ResultCell
                    entries={entriesAt(promptIndex, model.position)}
                    repeats={run.repeats}
                    busy={busy}
                    onJudge={onJudge}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-zinc-50 dark:bg-zinc-900/60">
          {SUMMARY_ROWS.map((row) => (
            <tr key={row.label}>
              <th
                scope="row"
                className={`${cellClass} ${firstColumn} bg-zinc-50 text-xs font-medium text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400`}
              >
                {row.label}
              </th>
              {summaries.map((summary) => (
                <td key={summary.position} className={`${cellClass} text-xs tabular-nums`}>
                  {row.value(summary)}
                </td>
              ))}
            </tr>
          ))}
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
