// The leaderboard from blind-battle votes: Bradley–Terry ratings on an Elo-like scale with 95 %
// bootstrap intervals, optionally style-controlled, and the head-to-head matrix. Pure: no
// database, no Next.js. Method and choices: lib/arena/README.md.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { plainBradleyTerry } from './bradley-terry';
import { drain } from './chunks';
import { modelGroups, type PairwiseMatrix, pairTotals, pairwiseMatrix } from './pairwise';
import { intervals, type Samples } from './samples';
import { styleControlledBradleyTerry } from './style-control';
import { tallyVotes } from './tally';
import {
  type RatingsOptions,
  ratingsOptionsSchema,
  type StyleFeatureName,
  styleFeatureNames,
  type Vote,
} from './vote';

export type { PairwiseMatrix } from './pairwise';
export type { RatingsOptions, StyleCounts, StyleFeatures, Vote } from './vote';

export type ModelRating = {
  model: string;
  rating: number;
  /** 95 % bootstrap interval. */
  lower: number;
  upper: number;
  /** Distinct battles; wins, ties (both bad included) and losses count verdicts. */
  battles: number;
  wins: number;
  ties: number;
  losses: number;
  /** (wins + ties / 2) / verdicts. */
  winRate: number;
  /** Connected group (0 the largest): ratings compare only within a group, each centred on 1000. */
  group: number;
};

export type StyleCoefficient = {
  feature: StyleFeatureName;
  /** Log-odds of winning per standard deviation of the normalised difference, with its 95 % interval. */
  coefficient: number;
  lower: number;
  upper: number;
};

export type Leaderboard = {
  /** Highest rating first. */
  ratings: ModelRating[];
  /** Rows and columns in the order of `ratings`. */
  matrix: PairwiseMatrix;
  /** Under style control (and with votes to fit), the style coefficients; otherwise null. */
  style: StyleCoefficient[] | null;
  votes: number;
  /** Votes of a model against itself, and under style control votes without style counts. */
  skippedVotes: number;
  battles: number;
  rounds: number;
  seed: number;
};

/** Mean rating of each group. */
export const ANCHOR = 1000;
/** 400 points per factor of 10 in the odds, as Elo; the fit works in natural log-odds. */
export const POINTS_PER_LOG_ODDS = 400 / Math.LN10;
/** Longest stretch the async entry point computes before letting the event loop run. */
const SLICE_MS = 8;

function* leaderboardSteps(
  votes: readonly Vote[],
  options: RatingsOptions,
): Generator<void, Leaderboard> {
  const { styleControl, rounds, prior, seed: givenSeed } = ratingsOptionsSchema.parse(options);
  const tally = yield* tallyVotes(votes, { styleControl });
  const seed = givenSeed ?? tally.votesHash;
  const m = tally.models.length;
  const summary = {
    votes: tally.votes,
    skippedVotes: tally.skippedVotes,
    battles: tally.battleA.length,
    rounds,
    seed,
  };
  if (m === 0) {
    const matrix = { models: [], winRate: [], battles: [] };
    return { ratings: [], matrix, style: null, ...summary } satisfies Leaderboard;
  }

  const pairs = yield* pairTotals(tally);
  const samples: Samples = styleControl
    ? yield* styleControlledBradleyTerry(tally, { rounds, prior, seed })
    : yield* plainBradleyTerry(tally, pairs, { rounds, prior, seed });
  const { lower, upper } = intervals(samples);
  yield;
  const points = (logOdds: number) => ANCHOR + POINTS_PER_LOG_ODDS * logOdds;
  const groups = modelGroups(m, pairs);
  const ratings: ModelRating[] = tally.models.map((model, index) => {
    const wins = tally.wins[index] as number;
    const ties = tally.ties[index] as number;
    const losses = tally.losses[index] as number;
    return {
      model,
      rating: points(samples.point[index] as number),
      lower: points(lower[index] as number),
      upper: points(upper[index] as number),
      battles: tally.modelBattles[index] as number,
      wins,
      ties,
      losses,
      winRate: (wins + ties / 2) / (wins + ties + losses),
      group: groups[index] as number,
    };
  });
  const order = tally.models.map((_, index) => index);
  order.sort((x, y) => (ratings[y]?.rating ?? 0) - (ratings[x]?.rating ?? 0) || x - y);
  const style = styleControl
    ? styleFeatureNames.map((feature, f) => ({
        feature,
        coefficient: samples.point[m + f] as number,
        lower: lower[m + f] as number,
        upper: upper[m + f] as number,
      }))
    : null;
  return {
    ratings: order.map((index) => ratings[index] as ModelRating),
    matrix: pairwiseMatrix(tally.models, pairs, order),
    style,
    ...summary,
  } satisfies Leaderboard;
}

/** The leaderboard, computed on the calling thread (≈0.1–1 s for 100,000 votes). */
export function computeRatings(votes: readonly Vote[], options: RatingsOptions = {}): Leaderboard {
  return drain(leaderboardSteps(votes, options));
}

/**
 * The same leaderboard, computed in slices of ≤ ~8 ms with the event loop let through in
 * between, so a page awaiting it does not stall other requests or streams.
 */
export async function computeRatingsAsync(
  votes: readonly Vote[],
  options: RatingsOptions = {},
): Promise<Leaderboard> {
  const steps = leaderboardSteps(votes, options);
  let deadline = performance.now() + SLICE_MS;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() >= deadline) {
      await nextTurn();
      deadline = performance.now() + SLICE_MS;
    }
  }
}
