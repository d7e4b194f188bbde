import type { RunCellView, SuiteRunView } from '@/lib/api/suite-views';

/** One model's line under the grid. */
export interface ModelSummary {
  position: number;
  passed: number;
  failed: number;
  /** Answers a person has still to judge. */
  toJudge: number;
  /** Cells without an answer yet (queued, running, or hidden until a battle's vote). */
  pending: number;
  /** Passed over judged (pass or fail); null before any is judged. */
  passRate: number | null;
  /** With repeats: the lowest and highest pass rate of one repeat; null with one repeat. */
  spread: { min: number; max: number } | null;
  medianTokensPerSecond: number | null;
  medianTtftMs: number | null;
  totalMs: number;
  completionTokens: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const numbers = (values: (number | null)[]) =>
  values.filter((value): value is number => value !== null && Number.isFinite(value));

function passRate(cells: RunCellView[]): number | null {
  const judged = cells.filter((cell) => cell.verdict === 'pass' || cell.verdict === 'fail');
  if (judged.length === 0) return null;
  return judged.filter((cell) => cell.verdict === 'pass').length / judged.length;
}

/** The cells of one lineup position, item by item. */
function cellsOf(run: SuiteRunView, position: number): RunCellView[] {
  return run.items.flatMap((item) => item.cells.filter((cell) => cell.position === position));
}

/**
 * Per model: pass rate (pass@1: with repeats, the mean of each repeat's rate, with the spread
 * between the worst and best repeat), median speed and first-token time, total time and tokens.
 */
export function summarizeRun(run: SuiteRunView): ModelSummary[] {
  return run.models.map(({ position }) => {
    const cells = cellsOf(run, position);
    const count = (verdict: RunCellView['verdict']) =>
      cells.filter((cell) => cell.verdict === verdict).length;
    const perRepeat = Array.from({ length: run.repeats }, (_, repeat) =>
      passRate(
        run.items
          .filter((item) => item.repeat === repeat)
          .flatMap((item) => item.cells.filter((cell) => cell.position === position)),
      ),
    ).filter((rate): rate is number => rate !== null);
    const meanRate =
      perRepeat.length === 0
        ? null
        : perRepeat.reduce((sum, rate) => sum + rate, 0) / perRepeat.length;
    return {
      position,
      passed: count('pass'),
      failed: count('fail'),
      toJudge: count('judge'),
      pending: count(null),
      passRate: run.repeats > 1 ? meanRate : passRate(cells),
      spread:
        run.repeats > 1 && perRepeat.length > 1
          ? { min: Math.min(...perRepeat), max: Math.max(...perRepeat) }
          : null,
      medianTokensPerSecond: median(numbers(cells.map((cell) => cell.tokensPerSecond))),
      medianTtftMs: median(numbers(cells.map((cell) => cell.ttftMs))),
      totalMs: numbers(cells.map((cell) => cell.totalMs)).reduce((sum, ms) => sum + ms, 0),
      completionTokens: numbers(cells.map((cell) => cell.completionTokens)).reduce(
        (sum, tokens) => sum + tokens,
        0,
      ),
    };
  });
}

/** The cells of one prompt and model over the repeats. */
export function cellsAt(run: SuiteRunView, promptIndex: number, position: number): RunCellView[] {
  return run.items
    .filter((item) => item.promptIndex === promptIndex)
    .flatMap((item) => item.cells.filter((cell) => cell.position === position));
}

/** Median tokens per second of each model on each prompt: the per-task bars. */
export function speedByPrompt(run: SuiteRunView): (number | null)[][] {
  return run.prompts.map((_prompt, promptIndex) =>
    run.models.map(({ position }) =>
      median(numbers(cellsAt(run, promptIndex, position).map((cell) => cell.tokensPerSecond))),
    ),
  );
}
