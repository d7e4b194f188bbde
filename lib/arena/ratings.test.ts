import { describe, expect, it } from 'vitest';
import { computeRatings, computeRatingsAsync, type Leaderboard } from './ratings';
import { syntheticVotes } from './synthetic-votes';
import type { Outcome, Vote } from './vote';

/** A vote as [a, b, outcome]. */
type Row = [string, string, Outcome];

/** Votes from rows, one battle each. */
const votesOf = (rows: Row[], prefix = 'battle'): Vote[] =>
  rows.map(([a, b, outcome], index) => ({ a, b, outcome, battleId: `${prefix}-${index}` }));

const repeat = (times: number, row: Row): Row[] => Array.from({ length: times }, () => row);

const byModel = (leaderboard: Leaderboard) =>
  Object.fromEntries(leaderboard.ratings.map((rating) => [rating.model, rating]));

/** Twelve models 35 points apart, centred on 1000 as the leaderboard is. */
const spread = Array.from({ length: 12 }, (_, index) => ({
  key: `model-${String(index).padStart(2, '0')}`,
  rating: 1000 + (index - 5.5) * 35,
}));

describe('computeRatings: recovering known strengths', () => {
  it('lands within its 95 % intervals of the ratings the votes were drawn from', () => {
    let inside = 0;
    let total = 0;
    for (const seed of [1, 2, 3]) {
      const votes = syntheticVotes({ models: spread, battles: 6000, seed });
      const ratings = byModel(computeRatings(votes, { rounds: 200 }));
      for (const { key, rating: truth } of spread) {
        const fitted = ratings[key];
        if (!fitted) throw new Error(`${key} is missing`);
        const halfWidth = (fitted.upper - fitted.lower) / 2;
        // ~1000 battles a model: intervals of a few tens of points, not a few or hundreds.
        expect(halfWidth).toBeGreaterThan(15);
        expect(halfWidth).toBeLessThan(60);
        expect(fitted.lower).toBeLessThan(fitted.rating);
        expect(fitted.upper).toBeGreaterThan(fitted.rating);
        // None far outside; nearly all inside (95 % intervals: ~2 of 36 may miss).
        expect(Math.abs(fitted.rating - truth)).toBeLessThan(2 * halfWidth);
        total += 1;
        if (fitted.lower <= truth && truth <= fitted.upper) inside += 1;
      }
    }
    expect(inside / total).toBeGreaterThanOrEqual(0.88);
  });

  it('orders the models as their true ratings when they are far apart', () => {
    const models = [0, 1, 2, 3].map((index) => ({ key: `m${index}`, rating: 850 + 100 * index }));
    const leaderboard = computeRatings(syntheticVotes({ models, battles: 4000, seed: 9 }), {
      rounds: 100,
    });
    expect(leaderboard.ratings.map((rating) => rating.model)).toEqual(['m3', 'm2', 'm1', 'm0']);
    // Elo's scale: 400 points per factor of 10 in the odds. m3 and m0 are 300 apart.
    const [top, , , bottom] = leaderboard.ratings;
    expect((top?.rating ?? 0) - (bottom?.rating ?? 0)).toBeGreaterThan(250);
    expect((top?.rating ?? 0) - (bottom?.rating ?? 0)).toBeLessThan(350);
  });

  it('puts 400 points between two models when one scores ten times the other’s points', () => {
    const votes = votesOf([...repeat(1000, ['a', 'b', 'a']), ...repeat(100, ['a', 'b', 'b'])]);
    const ratings = byModel(computeRatings(votes, { rounds: 10 }));
    expect((ratings.a?.rating ?? 0) - (ratings.b?.rating ?? 0)).toBeCloseTo(400, -1);
    expect(((ratings.a?.rating ?? 0) + (ratings.b?.rating ?? 0)) / 2).toBeCloseTo(1000, 6);
  });
});

describe('computeRatings: determinism', () => {
  const votes = syntheticVotes({ models: spread.slice(0, 5), battles: 2000, seed: 4 });

  it('gives the same leaderboard for the same votes', () => {
    expect(computeRatings(votes, { rounds: 100 })).toEqual(computeRatings(votes, { rounds: 100 }));
    expect(computeRatings(votes, { rounds: 100, styleControl: true })).toEqual(
      computeRatings(votes, { rounds: 100, styleControl: true }),
    );
  });

  it('does not depend on the order of the votes', () => {
    const reversed = [...votes].reverse();
    expect(computeRatings(reversed, { rounds: 100 })).toEqual(
      computeRatings(votes, { rounds: 100 }),
    );
    // Under style control the sums over battles run in another order: equal to rounding.
    const forward = computeRatings(votes, { rounds: 100, styleControl: true });
    const backward = computeRatings(reversed, { rounds: 100, styleControl: true });
    expect(backward.seed).toBe(forward.seed);
    forward.ratings.forEach((rating, index) => {
      expect(backward.ratings[index]?.model).toBe(rating.model);
      expect(backward.ratings[index]?.rating).toBeCloseTo(rating.rating, 6);
      expect(backward.ratings[index]?.lower).toBeCloseTo(rating.lower, 6);
    });
  });

  it('moves the intervals, not the ratings, with another seed', () => {
    const one = computeRatings(votes, { rounds: 100, seed: 1 });
    const two = computeRatings(votes, { rounds: 100, seed: 2 });
    expect(two.ratings.map((rating) => rating.rating)).toEqual(
      one.ratings.map((rating) => rating.rating),
    );
    expect(two.ratings.map((rating) => rating.lower)).not.toEqual(
      one.ratings.map((rating) => rating.lower),
    );
  });
});

describe('computeRatings: ties, one battle, no losses, separate groups', () => {
  it('rates two models that only tied as equal', () => {
    const ratings = byModel(
      computeRatings(
        votesOf([...repeat(6, ['a', 'b', 'tie']), ...repeat(4, ['b', 'a', 'bothbad'])]),
      ),
    );
    expect(ratings.a?.rating).toBeCloseTo(1000, 9);
    expect(ratings.b?.rating).toBeCloseTo(1000, 9);
    expect(ratings.a).toMatchObject({ wins: 0, ties: 10, losses: 0, winRate: 0.5, battles: 10 });
  });

  it('counts a tie or "both bad" as half a win to each', () => {
    const withTies = votesOf([
      ...repeat(3, ['a', 'b', 'a']),
      ['a', 'b', 'b'],
      ...repeat(2, ['a', 'b', 'tie']),
      ...repeat(2, ['b', 'a', 'bothbad']),
    ]);
    const plain = votesOf([...repeat(5, ['a', 'b', 'a']), ...repeat(3, ['a', 'b', 'b'])]);
    const tied = byModel(computeRatings(withTies, { rounds: 50 }));
    const decided = byModel(computeRatings(plain, { rounds: 50 }));
    expect(tied.a?.rating).toBeCloseTo(decided.a?.rating ?? 0, 9);
    expect(tied.a?.winRate).toBe(5 / 8);
    expect(tied.a).toMatchObject({ wins: 3, ties: 4, losses: 1 });
    expect(tied.b).toMatchObject({ wins: 1, ties: 4, losses: 3 });
  });

  it('treats "both bad" exactly as a tie in the ratings', () => {
    const rows: Row[] = [
      ...repeat(5, ['a', 'b', 'a']),
      ...repeat(3, ['b', 'c', 'b']),
      ...repeat(2, ['a', 'c', 'b']),
    ];
    const asTie = votesOf([...rows, ...repeat(4, ['a', 'c', 'tie'])]);
    const asBothBad = votesOf([...rows, ...repeat(4, ['a', 'c', 'bothbad'])]);
    const ratings = (votes: Vote[]) =>
      computeRatings(votes, { rounds: 50, seed: 7 }).ratings.map(({ model, rating, lower }) => ({
        model,
        rating,
        lower,
      }));
    expect(ratings(asBothBad)).toEqual(ratings(asTie));
  });

  it('gives a model with one battle a finite rating and a wide interval', () => {
    const votes = [
      ...syntheticVotes({ models: spread.slice(0, 4), battles: 1000, seed: 5 }),
      { a: 'newcomer', b: 'model-00', outcome: 'a' as const, battleId: 'only-one' },
    ];
    const leaderboard = computeRatings(votes, { rounds: 200 });
    const ratings = byModel(leaderboard);
    const newcomer = ratings.newcomer;
    expect(newcomer).toMatchObject({ battles: 1, wins: 1, losses: 0, group: 0 });
    expect(Number.isFinite(newcomer?.rating)).toBe(true);
    expect(newcomer?.rating).toBeGreaterThan(ratings['model-00']?.rating ?? 0);
    const width = (rating?: { lower: number; upper: number }) =>
      (rating?.upper ?? 0) - (rating?.lower ?? 0);
    expect(width(newcomer)).toBeGreaterThan(150);
    expect(width(newcomer)).toBeGreaterThan(2 * width(ratings['model-01']));
    expect(Number.isFinite(width(newcomer))).toBe(true);
  });

  it('keeps a model that never lost finite, above the rest', () => {
    const votes = votesOf([
      ...repeat(30, ['champion', 'b', 'a']),
      ...repeat(20, ['c', 'champion', 'b']),
      ...repeat(10, ['b', 'c', 'a']),
      ...repeat(10, ['b', 'c', 'b']),
    ]);
    const leaderboard = computeRatings(votes, { rounds: 200 });
    const champion = leaderboard.ratings[0];
    expect(champion?.model).toBe('champion');
    expect(champion).toMatchObject({ wins: 50, losses: 0, winRate: 1 });
    for (const value of [champion?.rating, champion?.lower, champion?.upper]) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeLessThan(2500);
    }
    expect(champion?.rating).toBeGreaterThan((leaderboard.ratings[1]?.rating ?? 0) + 200);
    const loser = leaderboard.ratings.at(-1);
    expect(Number.isFinite(loser?.rating)).toBe(true);
  });

  it('centres each group of models that never met the others on 1000 on its own', () => {
    const counts = (answerTokens: number) => ({
      answerTokens,
      reasoningTokens: 0,
      headers: 0,
      lists: 1,
      bold: 0,
    });
    const others = votesOf(
      [...repeat(8, ['x', 'y', 'a']), ...repeat(2, ['x', 'y', 'b'])],
      'other',
    ).map((vote, index) => ({ ...vote, style: { a: counts(100 + index), b: counts(150) } }));
    const votes = [
      ...syntheticVotes({ models: spread.slice(0, 3), battles: 600, seed: 6 }),
      ...others,
    ];
    for (const styleControl of [false, true]) {
      const leaderboard = computeRatings(votes, { rounds: 50, styleControl });
      const mean = (group: number) => {
        const ratings = leaderboard.ratings.filter((rating) => rating.group === group);
        return ratings.reduce((sum, rating) => sum + rating.rating, 0) / ratings.length;
      };
      expect(leaderboard.ratings.map((rating) => rating.group).sort()).toEqual([0, 0, 0, 1, 1]);
      expect(mean(0)).toBeCloseTo(1000, 6);
      expect(mean(1)).toBeCloseTo(1000, 6);
      expect(byModel(leaderboard).x?.rating).toBeGreaterThan(1050);
      const { matrix } = leaderboard;
      const x = matrix.models.indexOf('x');
      const met = matrix.models.filter((_, column) => matrix.winRate[x]?.[column] !== null);
      expect(met).toEqual(['y']);
    }
  });
});

describe('computeRatings: counts and the matrix', () => {
  it('gives each pair its share of the points and its battles, rows in rating order', () => {
    const votes = votesOf([
      ...repeat(2, ['a', 'b', 'a']),
      ['b', 'a', 'a'],
      ['a', 'b', 'tie'],
      ...repeat(3, ['b', 'c', 'a']),
      ['c', 'b', 'bothbad'],
    ]);
    const { matrix, ratings } = computeRatings(votes, { rounds: 20 });
    expect(matrix.models).toEqual(['a', 'b', 'c']);
    expect(ratings.map((rating) => rating.model)).toEqual(matrix.models);
    expect(matrix.winRate).toEqual([
      [null, 0.625, null],
      [0.375, null, 3.5 / 4],
      [null, 0.5 / 4, null],
    ]);
    expect(matrix.battles).toEqual([
      [0, 4, 0],
      [4, 0, 4],
      [0, 4, 0],
    ]);
  });

  it('counts a battle with several voters once, and each of its votes', () => {
    const votes: Vote[] = [
      { a: 'a', b: 'b', outcome: 'a', battleId: 'shared' },
      { a: 'a', b: 'b', outcome: 'a', battleId: 'shared' },
      { a: 'a', b: 'b', outcome: 'tie', battleId: 'shared' },
      { a: 'b', b: 'a', outcome: 'b', battleId: 'own' },
    ];
    const leaderboard = computeRatings(votes, { rounds: 20 });
    expect(leaderboard).toMatchObject({ votes: 4, battles: 2, skippedVotes: 0 });
    expect(byModel(leaderboard).a).toMatchObject({ battles: 2, wins: 3, ties: 1, losses: 0 });
  });

  it('leaves out a model against itself, and votes without style counts under style control', () => {
    const [styled] = syntheticVotes({ models: spread.slice(0, 2), battles: 1, seed: 1 });
    if (!styled) throw new Error('no vote');
    const votes: Vote[] = [
      styled,
      { a: 'a', b: 'a', outcome: 'a', battleId: 'mirror' },
      { a: 'a', b: 'b', outcome: 'b', battleId: 'unstyled' },
    ];
    expect(computeRatings(votes, { rounds: 10 })).toMatchObject({ votes: 2, skippedVotes: 1 });
    expect(computeRatings(votes, { rounds: 10, styleControl: true })).toMatchObject({
      votes: 1,
      skippedVotes: 2,
    });
  });

  it('answers an empty leaderboard for no votes', () => {
    expect(computeRatings([])).toMatchObject({ ratings: [], votes: 0, battles: 0, style: null });
  });

  it('refuses a battle whose votes name different models', () => {
    const votes: Vote[] = [
      { a: 'a', b: 'b', outcome: 'a', battleId: 'one' },
      { a: 'a', b: 'c', outcome: 'a', battleId: 'one' },
    ];
    expect(() => computeRatings(votes)).toThrow(/different models/);
  });
});

describe('computeRatingsAsync', () => {
  it('lets timers and I/O callbacks run while it computes, and gives the same leaderboard', async () => {
    const votes = syntheticVotes({ models: spread, battles: 30_000, seed: 8 });
    const options = { rounds: 200, styleControl: true };
    let turns = 0;
    let computing = true;
    const count = () => {
      turns += 1;
      if (computing) setImmediate(count);
    };
    setImmediate(count);
    let timerFired = false;
    setTimeout(() => {
      timerFired = computing;
    }, 1);
    const leaderboard = await computeRatingsAsync(votes, options);
    computing = false;
    expect(timerFired).toBe(true);
    // 30,000 votes under style control take well over 8 ms, so the loop turns many times.
    expect(turns).toBeGreaterThan(5);
    expect(leaderboard).toEqual(computeRatings(votes, options));
  });
});
