// Penalised maximum likelihood for Bradley–Terry as a logistic regression, by Newton's method.
// Parameters: one log-strength per model, then one coefficient per style covariate. A row is a
// battle (or all battles of a pair, aggregated): P(A beats B) = σ(θ_A − θ_B + β·x), A scoring
// `score` points out of `votes` (a tie is half a point each). With the Gaussian prior the
// objective is strictly convex, so Newton converges in a handful of steps from anywhere.
// Typed-array reads are cast (`as number`): indices are in range by construction, and a stray
// undefined would show as NaN rather than as a silent 0.
import { inChunks } from './chunks';

export type FitRows = {
  length: number;
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
  votes: Float64Array;
  /** `length × covariateCount`, row after row. */
  covariates: Float64Array;
  covariateCount: number;
};

export type Fit = {
  params: Float64Array;
  /** Gradient of the objective at `params` (zero up to the tolerance). */
  gradient: Float64Array;
  /** Cholesky factor (lower triangle, row-major) of the objective's Hessian at `params`. */
  factor: Float64Array;
};

const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 100;

/** Adds rows [from, to) to the −log likelihood's value (returned), gradient and lower Hessian. */
function accumulate(
  rows: FitRows,
  models: number,
  params: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
  from: number,
  to: number,
): number {
  const k = rows.covariateCount;
  const d = models + k;
  let objective = 0;
  for (let r = from; r < to; r++) {
    const n = rows.votes[r] as number;
    if (n === 0) continue;
    const a = rows.a[r] as number;
    const b = rows.b[r] as number;
    const at = r * k;
    let eta = (params[a] as number) - (params[b] as number);
    for (let f = 0; f < k; f++)
      eta += (params[models + f] as number) * (rows.covariates[at + f] as number);
    const e = Math.exp(-Math.abs(eta));
    const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const y = rows.score[r] as number;
    objective += n * (Math.max(eta, 0) + Math.log1p(e)) - y * eta;
    const residual = n * p - y;
    const weight = n * p * (1 - p);
    gradient[a] = (gradient[a] as number) + residual;
    gradient[b] = (gradient[b] as number) - residual;
    hessian[a * d + a] = (hessian[a * d + a] as number) + weight;
    hessian[b * d + b] = (hessian[b * d + b] as number) + weight;
    const cross = Math.max(a, b) * d + Math.min(a, b);
    hessian[cross] = (hessian[cross] as number) - weight;
    for (let f = 0; f < k; f++) {
      const x = rows.covariates[at + f] as number;
      const row = (models + f) * d;
      gradient[models + f] = (gradient[models + f] as number) + residual * x;
      hessian[row + a] = (hessian[row + a] as number) + weight * x;
      hessian[row + b] = (hessian[row + b] as number) - weight * x;
      for (let g = 0; g <= f; g++) {
        const x2 = rows.covariates[at + g] as number;
        hessian[row + models + g] = (hessian[row + models + g] as number) + weight * x * x2;
      }
    }
  }
  return objective;
}

/** −log posterior at `params`; fills its gradient and the lower triangle of its Hessian. */
function* evaluate(
  rows: FitRows,
  models: number,
  prior: number,
  params: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): Generator<void, number> {
  gradient.fill(0);
  hessian.fill(0);
  let objective = 0;
  yield* inChunks(rows.length, (from, to) => {
    objective += accumulate(rows, models, params, gradient, hessian, from, to);
  });
  const d = models + rows.covariateCount;
  for (let i = 0; i < d; i++) {
    const value = params[i] as number;
    objective += 0.5 * prior * value * value;
    gradient[i] = (gradient[i] as number) + prior * value;
    hessian[i * d + i] = (hessian[i * d + i] as number) + prior;
  }
  return objective;
}

/** In place: the lower triangle of `matrix` becomes L with L·Lᵀ = matrix. */
export function cholesky(matrix: Float64Array, d: number): void {
  for (let j = 0; j < d; j++) {
    let diagonal = matrix[j * d + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (matrix[j * d + k] as number) ** 2;
    // The prior keeps the Hessian positive definite; this only guards against NaN input.
    if (!(diagonal > 0)) throw new RangeError('Hessian is not positive definite.');
    const pivot = Math.sqrt(diagonal);
    matrix[j * d + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let value = matrix[i * d + j] as number;
      for (let k = 0; k < j; k++)
        value -= (matrix[i * d + k] as number) * (matrix[j * d + k] as number);
      matrix[i * d + j] = value / pivot;
    }
  }
}

/** Solves L·Lᵀ·out = rhs with the factor from `cholesky`. */
export function solveCholesky(
  factor: Float64Array,
  d: number,
  rhs: Float64Array,
  out: Float64Array,
) {
  for (let i = 0; i < d; i++) {
    let value = rhs[i] as number;
    for (let k = 0; k < i; k++) value -= (factor[i * d + k] as number) * (out[k] as number);
    out[i] = value / (factor[i * d + i] as number);
  }
  for (let i = d - 1; i >= 0; i--) {
    let value = out[i] as number;
    for (let k = i + 1; k < d; k++) value -= (factor[k * d + i] as number) * (out[k] as number);
    out[i] = value / (factor[i * d + i] as number);
  }
}

/**
 * Damped Newton from `start` (halving a step that would raise the objective). Yields after each
 * chunk of rows, the unit of work the async entry point slices on.
 */
export function* fitLogistic(
  rows: FitRows,
  models: number,
  prior: number,
  start: Float64Array,
): Generator<void, Fit> {
  const d = models + rows.covariateCount;
  let params = Float64Array.from(start);
  let candidate = new Float64Array(d);
  const gradient = new Float64Array(d);
  const hessian = new Float64Array(d * d);
  const step = new Float64Array(d);
  let objective = yield* evaluate(rows, models, prior, params, gradient, hessian);
  for (let iteration = 0; ; iteration++) {
    cholesky(hessian, d);
    solveCholesky(hessian, d, gradient, step);
    let largest = 0;
    for (let i = 0; i < d; i++) largest = Math.max(largest, Math.abs(step[i] as number));
    // Past the cap (never reached in the tests) the last iterate stands, factor and all.
    if (largest < TOLERANCE || iteration === MAX_ITERATIONS) break;
    for (let scale = 1; ; scale /= 2) {
      for (let i = 0; i < d; i++)
        candidate[i] = (params[i] as number) - scale * (step[i] as number);
      const next = yield* evaluate(rows, models, prior, candidate, gradient, hessian);
      if (next <= objective + 1e-12 * Math.abs(objective) || scale < 1e-6) {
        objective = next;
        [params, candidate] = [candidate, params];
        break;
      }
    }
  }
  return { params, gradient, factor: hessian };
}
