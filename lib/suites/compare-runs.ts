import type { RunCellView, SuiteRunView } from '@/lib/api/suite-views';
import { cellsAt, median } from './run-stats';

export type VerdictChange = 'better' | 'worse' | 'same' | 'new' | 'unknown';

/** One prompt and model in two runs: the verdicts and speeds, and how they moved. */
export interface ComparedCell {
  now: RunCellView[];
  before: RunCellView[];
  change: VerdictChange;
  /** This run's median tokens per second over the other's, minus one (+0.25 is 25 % faster). */
  speedChange: number | null;
}

export interface ComparedRow {
  promptId: string;
  title: string;
  cells: ComparedCell[];
}

const passShare = (cells: RunCellView[]) => {
  const judged = cells.filter((cell) => cell.verdict === 'pass' || cell.verdict === 'fail');
  if (judged.length === 0) return null;
  return judged.filter((cell) => cell.verdict === 'pass').length / judged.length;
};

const medianSpeed = (cells: RunCellView[]) =>
  median(cells.flatMap((cell) => (cell.tokensPerSecond === null ? [] : [cell.tokensPerSecond])));

/**
 * This run beside an earlier one, prompt by prompt (matched by the prompt's id, which survives
 * edits of the suite) and model by model (same backend and model; same model name otherwise).
 */
export function compareRuns(run: SuiteRunView, other: SuiteRunView): ComparedRow[] {
  const otherPosition = run.models.map(
    (model) =>
      other.models.find((o) => o.backendId === model.backendId && o.model === model.model)
        ?.position ??
      other.models.find((o) => o.model === model.model)?.position ??
      null,
  );
  return run.prompts.map((prompt, promptIndex) => {
    const otherIndex = other.prompts.findIndex((candidate) => candidate.id === prompt.id);
    return {
      promptId: prompt.id,
      title: prompt.title,
      cells: run.models.map(({ position }) => {
        const now = cellsAt(run, promptIndex, position);
        const at = otherPosition[position];
        const before = otherIndex === -1 || at == null ? [] : cellsAt(other, otherIndex, at);
        const [shareNow, shareBefore] = [passShare(now), passShare(before)];
        const change: VerdictChange =
          before.length === 0
            ? 'new'
            : shareNow === null || shareBefore === null
              ? 'unknown'
              : shareNow > shareBefore
                ? 'better'
                : shareNow < shareBefore
                  ? 'worse'
                  : 'same';
        const [speedNow, speedBefore] = [medianSpeed(now), medianSpeed(before)];
        return {
          now,
          before,
          change,
          speedChange:
            speedNow === null || speedBefore === null || speedBefore === 0
              ? null
              : speedNow / speedBefore - 1,
        };
      }),
    };
  });
}
