/** Fitted parameters (model log-strengths, then style coefficients): the fit and each round's. */
export type Samples = {
  point: Float64Array;
  /** `rounds × parameters`, round after round. */
  draws: Float64Array;
  parameters: number;
};

/** Quantile q of sorted values, interpolating between neighbours (numpy's default). */
function quantile(sorted: Float64Array, q: number): number {
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (at - below);
}

/** Per parameter, the 2.5 % and 97.5 % quantiles of its bootstrap draws: a 95 % interval. */
export function intervals({ draws, parameters }: Samples): { lower: number[]; upper: number[] } {
  const rounds = draws.length / parameters;
  const column = new Float64Array(rounds);
  const lower: number[] = [];
  const upper: number[] = [];
  for (let p = 0; p < parameters; p++) {
    for (let round = 0; round < rounds; round++)
      column[round] = draws[round * parameters + p] as number;
    column.sort();
    lower.push(quantile(column, 0.025));
    upper.push(quantile(column, 0.975));
  }
  return { lower, upper };
}
