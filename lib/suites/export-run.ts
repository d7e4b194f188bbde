import type { RunCellView, SuiteRunView } from '@/lib/api/suite-views';
import { cellsAt, type ModelSummary, median, summarizeRun } from './run-stats';

const VERDICT_MARK: Record<NonNullable<RunCellView['verdict']>, string> = {
  pass: '✅',
  fail: '❌',
  judge: '❔',
};

const round = (value: number | null, digits = 1) =>
  value === null ? '' : value.toFixed(digits).replace(/\.0+$/, '');

/** A CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180). */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would be read as a formula by spreadsheets: prefix it.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CSV_COLUMNS = [
  'prompt',
  'title',
  'repeat',
  'model',
  'backend',
  'verdict',
  'judged_by',
  'detail',
  'status',
  'ttft_ms',
  'answer_ttft_ms',
  'tokens_per_second',
  'completion_tokens',
  'total_ms',
  'conversation',
] as const;

/** One row per answer (prompt × repeat × model), for a spreadsheet. */
export function runToCsv(run: SuiteRunView): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for (const item of run.items) {
    const prompt = run.prompts[item.promptIndex];
    for (const cell of item.cells) {
      const model = run.models[cell.position];
      rows.push([
        item.promptIndex + 1,
        prompt?.title ?? '',
        item.repeat + 1,
        model?.model ?? '',
        model?.backendLabel ?? '',
        cell.verdict,
        cell.judgedBy,
        cell.detail,
        cell.status,
        cell.ttftMs === null ? null : Math.round(cell.ttftMs),
        cell.answerTtftMs === null ? null : Math.round(cell.answerTtftMs),
        cell.tokensPerSecond === null ? null : Number(cell.tokensPerSecond.toFixed(2)),
        cell.completionTokens,
        cell.totalMs === null ? null : Math.round(cell.totalMs),
        item.conversationId ? `/c/${item.conversationId}` : null,
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A table cell: its text without the pipes and line breaks that would end it. */
const mdText = (text: string) => text.replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();

function markdownCell(cells: RunCellView[]): string {
  const marks = cells.map((cell) => (cell.verdict ? VERDICT_MARK[cell.verdict] : '…')).join('');
  const speeds = cells.flatMap((cell) =>
    cell.tokensPerSecond === null ? [] : [cell.tokensPerSecond],
  );
  const middle = median(speeds);
  const speed = middle === null ? '' : ` ${round(middle)} tok/s`;
  return `${marks}${speed}`;
}

function rateText(summary: ModelSummary): string {
  if (summary.passRate === null) return '–';
  const rate = `${Math.round(summary.passRate * 100)}%`;
  return summary.spread
    ? `${rate} (${Math.round(summary.spread.min * 100)}–${Math.round(summary.spread.max * 100)}%)`
    : rate;
}

/**
 * The table the articles draw: one row per task, one column per model, ✅ / ❌ (❔ still to
 * judge) with the tokens per second under it, and the summary rows.
 */
export function runToMarkdown(run: SuiteRunView): string {
  const summaries = summarizeRun(run);
  const header = ['Task', ...run.models.map((model) => mdText(model.model))];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...run.prompts.map((prompt, promptIndex) => {
      const cells = run.models.map(({ position }) =>
        markdownCell(cellsAt(run, promptIndex, position)),
      );
      return `| ${mdText(prompt.title)} | ${cells.join(' | ')} |`;
    }),
    `| **Pass rate** | ${summaries.map(rateText).join(' | ')} |`,
    `| **Median tok/s** | ${summaries.map((s) => round(s.medianTokensPerSecond) || '–').join(' | ')} |`,
    `| **Median first token** | ${summaries
      .map((s) => (s.medianTtftMs === null ? '–' : `${round(s.medianTtftMs / 1000, 2)} s`))
      .join(' | ')} |`,
  ];
  const settings = [
    run.settings.temperature === undefined ? null : `temperature ${run.settings.temperature}`,
    run.repeats > 1 ? `${run.repeats} repeats (pass@1, mean of repeats)` : null,
  ].filter(Boolean);
  const note = `${mdText(run.suiteName)}${settings.length ? ` · ${settings.join(' · ')}` : ''}`;
  return `${lines.join('\n')}\n\n${note}\n`;
}

/** The run and its summary, for scripts. */
export function runToJson(run: SuiteRunView): string {
  return `${JSON.stringify({ run, summary: summarizeRun(run) }, null, 2)}\n`;
}
