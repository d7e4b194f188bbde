import { describe, expect, it } from 'vitest';
import { drain } from './chunks';
import { fitLogistic } from './logistic-fit';
import { poisson, Random } from './random';
import { computeRatings, type Leaderboard } from './ratings';
import { styleControlledBradleyTerry, styleCovariates } from './style-control';
import { syntheticVotes } from './synthetic-votes';
import { tallyVotes } from './tally';
import type { StyleCounts, StyleFeatures } from './vote';

const byModel = (leaderboard: Leaderboard) =>
  Object.fromEntries(leaderboard.ratings.map((rating) => [rating.model, rating]));

/** Five terse models and one as good as the middle one that writes four times as much. */
const models = [
  ...[900, 950, 1000, 1050, 1100].map((rating) => ({
    key: `terse-${rating}`,
    rating,
    verbosity: 300,
  })),
  { key: 'verbose', rating: 1000, verbosity: 1200 },
];

describe('style control', () => {
  // Voters here prefer the longer answer: +1 log-odds for the whole of (A − B) / (A + B).
  const votes = syntheticVotes({ models, battles: 8000, seed: 11, lengthEffect: 1 });
  const plain = computeRatings(votes, { rounds: 200 });
  const controlled = computeRatings(votes, { rounds: 200, styleControl: true });

  it('takes away the rating a verbose model wins only by its length', () => {
    const before = byModel(plain).verbose;
    const after = byModel(controlled).verbose;
    if (!before || !after) throw new Error('verbose is missing');
    // Without style control it looks like the best model; its true rating is the middle one's.
    expect(plain.ratings[0]?.model).toBe('verbose');
    expect(before.lower).toBeGreaterThan(1050);
    expect(after.rating).toBeLessThan(before.rating - 60);
    expect(after.lower).toBeLessThan(1000);
    expect(after.upper).toBeGreaterThan(1000);
  });

  it('recovers the terse models’ ratings, and finds the planted length effect and no other', () => {
    for (const model of models) {
      const fitted = byModel(controlled)[model.key];
      if (!fitted) throw new Error(`${model.key} is missing`);
      expect(Math.abs(fitted.rating - model.rating)).toBeLessThan(fitted.upper - fitted.lower);
    }
    const style = Object.fromEntries(
      (controlled.style ?? []).map((coefficient) => [coefficient.feature, coefficient]),
    );
    expect(Object.keys(style)).toEqual([
      'answerTokens',
      'reasoningTokens',
      'headers',
      'lists',
      'bold',
    ]);
    expect(style.answerTokens?.lower).toBeGreaterThan(0.1);
    for (const feature of ['reasoningTokens', 'headers', 'lists', 'bold']) {
      expect(Math.abs(style[feature]?.coefficient ?? 1)).toBeLessThan(0.08);
      expect(style[feature]?.lower).toBeLessThan(style[feature]?.coefficient ?? 0);
      expect(style[feature]?.upper).toBeGreaterThan(style[feature]?.coefficient ?? 0);
    }
    expect(plain.style).toBeNull();
  });

  it('gives intervals as wide as the plain fit’s when style plays no part', () => {
    // The style fit's bootstrap is one Newton step per round (style-control.ts); the plain
    // fit's refits. With no style effect, and no model writing longer than another (length
    // would then stand in for the model and widen its interval), both see the same uncertainty.
    const alike = models.map((model) => ({ ...model, verbosity: 400 }));
    const fair = syntheticVotes({ models: alike, battles: 8000, seed: 12 });
    const width = (rating?: { lower: number; upper: number }) =>
      (rating?.upper ?? 0) - (rating?.lower ?? 0);
    const plainFair = byModel(computeRatings(fair, { rounds: 300 }));
    const controlledFair = byModel(computeRatings(fair, { rounds: 300, styleControl: true }));
    for (const model of models) {
      const ratio = width(controlledFair[model.key]) / width(plainFair[model.key]);
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.18);
    }
  });
});

describe('the one-step bootstrap', () => {
  it('gives the intervals a bootstrap of full refits gives, where length stands in for a model', () => {
    const votes = syntheticVotes({ models, battles: 3000, seed: 13, lengthEffect: 1 });
    const rounds = 400;
    const prior = 0.25;
    const tally = drain(tallyVotes(votes, { styleControl: true }));
    const oneStep = drain(styleControlledBradleyTerry(tally, { rounds, prior, seed: 5 }));

    // The same resampling done the slow way: every round reweights the battles by Poisson(1)
    // counts and refits from scratch.
    const n = tally.battleA.length;
    const covariates = drain(styleCovariates(n, tally.battleStyle));
    const m = tally.models.length;
    const d = oneStep.parameters;
    const random = new Random(5);
    const draws = new Float64Array(rounds * d);
    for (let round = 0; round < rounds; round++) {
      const weights = Float64Array.from({ length: n }, () => poisson(random, 1));
      const rows = {
        length: n,
        a: tally.battleA,
        b: tally.battleB,
        score: tally.battleScore.map((score, battle) => score * (weights[battle] as number)),
        votes: tally.battleVotes.map((count, battle) => count * (weights[battle] as number)),
        covariates,
        covariateCount: 5,
      };
      const start = new Float64Array(d);
      draws.set(drain(fitLogistic(rows, m, prior, start)).params, round * d);
    }
    // Standard deviations of the draws: far less noisy than the 2.5 % and 97.5 % quantiles.
    const sd = (values: Float64Array, p: number) => {
      const column = Array.from({ length: rounds }, (_, round) => values[round * d + p] as number);
      const mean = column.reduce((sum, value) => sum + value, 0) / rounds;
      return Math.sqrt(column.reduce((sum, value) => sum + (value - mean) ** 2, 0) / rounds);
    };
    // Two rounds share each battle's hash (its high and low 16 bits): still different draws.
    const firstParameter = Array.from({ length: rounds }, (_, round) => oneStep.draws[round * d]);
    expect(new Set(firstParameter).size).toBe(rounds);
    for (let p = 0; p < d; p++) {
      const ratio = sd(oneStep.draws, p) / sd(draws, p);
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.15);
    }
  });
});

describe('styleCovariates', () => {
  const counts = (answerTokens: number, headers: number): StyleCounts => ({
    answerTokens,
    reasoningTokens: 0,
    headers,
    lists: 2,
    bold: 0,
  });
  const run = (styles: readonly StyleFeatures[]) =>
    Array.from(
      drain(styleCovariates(styles.length, (battle) => styles[battle])),
      (value) => Math.round(value * 1e9) / 1e9,
    );

  it('standardises (A − B) / (A + B) per feature, and leaves a constant feature at 0', () => {
    const covariates = run([
      { a: counts(300, 1), b: counts(100, 0) }, // length ½, headers 1
      { a: counts(100, 0), b: counts(300, 0) }, // length −½, headers 0 (none on either side)
    ]);
    // Mean 0, SD 1 over the two battles: ±1; reasoning, lists and bold never differ: 0.
    expect(covariates).toEqual([1, 0, 1, 0, 0, -1, 0, -1, 0, 0]);
  });

  it('refuses a negative or infinite count', () => {
    expect(() => run([{ a: counts(-1, 0), b: counts(1, 0) }])).toThrow(RangeError);
    expect(() => run([{ a: counts(Number.POSITIVE_INFINITY, 0), b: counts(1, 0) }])).toThrow(
      RangeError,
    );
  });
});
