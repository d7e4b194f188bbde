// Style control as LMArena does it: the Bradley–Terry logistic regression gets the battle's style
// differences as covariates, so the model coefficients are what is left once length and
// Markdown have had their say. One row per battle (the covariates differ from battle to battle).
//
// The bootstrap is the one-step (linearised) bootstrap: a round weights every battle by a
// Poisson(1) count, as the plain fit's rounds do, then takes one Newton step from the full fit
// with the full fit's Hessian instead of refitting. It agrees with refitting to first order
// (the difference shrinks like 1/n against the interval's 1/√n; style-control.test.ts checks it
// against refits) and costs a few multiply-adds per battle, against several passes with an exp
// each: 1,000 refits of 100,000 battles would take ~50 s here, these rounds ~0.4 s.
import { inChunks } from './chunks';
import { type FitRows, fitLogistic, solveCholesky } from './logistic-fit';
import { mix32, poissonOneLessOne } from './random';
import type { Samples } from './samples';
import type { Tally } from './tally';
import { type StyleFeatures, styleFeatureNames } from './vote';

/** Five covariates; the type breaks if the list changes, as the loops below unroll them. */
const K: 5 = styleFeatureNames.length;

/** (A − B) / (A + B), 0 when both are 0: a difference that does not grow with the scale. */
function ratio(a: number, b: number): number {
  if (!(a >= 0 && b >= 0 && a + b < Number.POSITIVE_INFINITY)) {
    throw new RangeError('Style counts must be finite numbers ≥ 0.');
  }
  return a + b > 0 ? (a - b) / (a + b) : 0;
}

/**
 * Per battle (of `n`) and feature, (A − B) / (A + B), then standardised over the battles (mean 0, SD 1),
 * so that the five coefficients are on one scale; a feature that never varies stays 0 (its
 * coefficient is then 0, held by the prior).
 */
export function* styleCovariates(
  n: number,
  styleOf: (battle: number) => StyleFeatures | undefined,
): Generator<void, Float64Array> {
  const covariates = new Float64Array(n * K);
  yield* inChunks(n, (from, to) => {
    for (let battle = from; battle < to; battle++) {
      // The tally keeps only styled battles under style control.
      const { a, b } = styleOf(battle) as StyleFeatures;
      const at = battle * K;
      covariates[at] = ratio(a.answerTokens, b.answerTokens);
      covariates[at + 1] = ratio(a.reasoningTokens, b.reasoningTokens);
      covariates[at + 2] = ratio(a.headers, b.headers);
      covariates[at + 3] = ratio(a.lists, b.lists);
      covariates[at + 4] = ratio(a.bold, b.bold);
    }
  });
  for (let f = 0; f < K; f++) {
    let sum = 0;
    let squares = 0;
    for (let battle = 0; battle < n; battle++) sum += covariates[battle * K + f] as number;
    const mean = sum / n;
    for (let battle = 0; battle < n; battle++)
      squares += ((covariates[battle * K + f] as number) - mean) ** 2;
    const sd = Math.sqrt(squares / n);
    for (let battle = 0; battle < n; battle++) {
      const at = battle * K + f;
      covariates[at] = sd > 1e-12 ? ((covariates[at] as number) - mean) / sd : 0;
    }
    yield;
  }
  return covariates;
}

/**
 * What a bootstrap round needs of each battle, battles grouped by pair of models: its id hash
 * (its weight), and its gradient term at the fit, residual × (1, x₁ … x₅), six numbers in a row.
 * Grouped, a pair's model terms add up in a register and reach the gradient once per pair.
 */
type BootstrapTerms = {
  /** Per pair: its first battle (one more entry, the end), and its two models. */
  pairStart: Int32Array;
  pairA: Int32Array;
  pairB: Int32Array;
  hash: Uint32Array;
  terms: Float64Array;
};

function* bootstrapTerms(
  rows: FitRows,
  models: number,
  point: Float64Array,
  battleHash: Uint32Array,
): Generator<void, BootstrapTerms> {
  // A counting sort of the battles by pair, keeping their order within a pair.
  const n = rows.length;
  const pairOf = (r: number) => (rows.a[r] as number) * models + (rows.b[r] as number);
  const firstOfPair = new Int32Array(models * models + 1);
  for (let r = 0; r < n; r++)
    firstOfPair[pairOf(r) + 1] = (firstOfPair[pairOf(r) + 1] as number) + 1;
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairStart: number[] = [];
  for (let pair = 0; pair < models * models; pair++) {
    const count = firstOfPair[pair + 1] as number;
    if (count > 0) {
      pairStart.push(firstOfPair[pair] as number);
      pairA.push(Math.floor(pair / models));
      pairB.push(pair % models);
    }
    firstOfPair[pair + 1] = (firstOfPair[pair] as number) + count;
  }
  pairStart.push(n);
  const hash = new Uint32Array(n);
  const terms = new Float64Array(n * (K + 1));
  yield;
  yield* inChunks(n, (from, to) => {
    for (let r = from; r < to; r++) {
      const at = firstOfPair[pairOf(r)] as number;
      firstOfPair[pairOf(r)] = at + 1;
      let eta = (point[rows.a[r] as number] as number) - (point[rows.b[r] as number] as number);
      for (let f = 0; f < K; f++) {
        eta += (point[models + f] as number) * (rows.covariates[r * K + f] as number);
      }
      const residual = (rows.votes[r] as number) / (1 + Math.exp(-eta)) - (rows.score[r] as number);
      hash[at] = battleHash[r] as number;
      terms[at * (K + 1)] = residual;
      for (let f = 0; f < K; f++) {
        terms[at * (K + 1) + 1 + f] = residual * (rows.covariates[r * K + f] as number);
      }
    }
  });
  return {
    pairStart: Int32Array.from(pairStart),
    pairA: Int32Array.from(pairA),
    pairB: Int32Array.from(pairB),
    hash,
    terms,
  };
}

/** A pair of rounds' key: mixed into each battle's id hash, it gives the battle's two weights. */
const roundKey = (seed: number, pair: number) => mix32(seed ^ mix32(pair + 0x632be5ab));

/**
 * Adds to `first` and `second` two rounds' Σ (w − 1)·term: the gradient of each round's
 * reweighted objective at the fit, less the fit's own (≈ 0) gradient. One hash per battle gives
 * both weights (its high and low 16 bits), and one pass over the terms serves both rounds: this
 * loop is nearly all of the time under style control, so it is branch-free and unrolled.
 */
function reweightedGradients(
  { pairStart, pairA, pairB, hash, terms }: BootstrapTerms,
  models: number,
  key: number,
  first: Float64Array,
  second: Float64Array,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  let t4 = 0;
  for (let pair = 0; pair < pairA.length; pair++) {
    let s = 0;
    let t = 0;
    const end = pairStart[pair + 1] as number;
    for (let battle = pairStart[pair] as number; battle < end; battle++) {
      const bits = mix32((hash[battle] as number) ^ key);
      const w = poissonOneLessOne(bits);
      const v = poissonOneLessOne(bits << 16);
      const at = battle * (K + 1);
      const residual = terms[at] as number;
      const x0 = terms[at + 1] as number;
      const x1 = terms[at + 2] as number;
      const x2 = terms[at + 3] as number;
      const x3 = terms[at + 4] as number;
      const x4 = terms[at + 5] as number;
      s += w * residual;
      s0 += w * x0;
      s1 += w * x1;
      s2 += w * x2;
      s3 += w * x3;
      s4 += w * x4;
      t += v * residual;
      t0 += v * x0;
      t1 += v * x1;
      t2 += v * x2;
      t3 += v * x3;
      t4 += v * x4;
    }
    const a = pairA[pair] as number;
    const b = pairB[pair] as number;
    first[a] = (first[a] as number) + s;
    first[b] = (first[b] as number) - s;
    second[a] = (second[a] as number) + t;
    second[b] = (second[b] as number) - t;
  }
  [s0, s1, s2, s3, s4].forEach((sum, f) => {
    first[models + f] = (first[models + f] as number) + sum;
  });
  [t0, t1, t2, t3, t4].forEach((sum, f) => {
    second[models + f] = (second[models + f] as number) + sum;
  });
}

export function* styleControlledBradleyTerry(
  tally: Tally,
  { rounds, prior, seed }: { rounds: number; prior: number; seed: number },
): Generator<void, Samples> {
  const m = tally.models.length;
  const d = m + K;
  const rows: FitRows = {
    length: tally.battleA.length,
    a: tally.battleA,
    b: tally.battleB,
    score: tally.battleScore,
    votes: tally.battleVotes,
    covariates: yield* styleCovariates(tally.battleA.length, tally.battleStyle),
    covariateCount: K,
  };
  const {
    params: point,
    gradient,
    factor,
  } = yield* fitLogistic(rows, m, prior, new Float64Array(d));
  const terms = yield* bootstrapTerms(rows, m, point, tally.battleHash);

  const draws = new Float64Array(rounds * d);
  const first = new Float64Array(d);
  const second = new Float64Array(d);
  const step = new Float64Array(d);
  for (let round = 0; round < rounds; round += 2) {
    first.set(gradient);
    second.set(gradient);
    reweightedGradients(terms, m, roundKey(seed, round / 2), first, second);
    for (const [offset, weighted] of [first, second].entries()) {
      if (round + offset === rounds) break;
      solveCholesky(factor, d, weighted, step);
      const at = (round + offset) * d;
      for (let p = 0; p < d; p++) draws[at + p] = (point[p] as number) - (step[p] as number);
    }
    yield;
  }
  return { point, draws, parameters: d };
}
