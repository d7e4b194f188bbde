// Plain Bradley–Terry with a bootstrap over battles. The likelihood only sees, per pair of models,
// how many points the first scored out of how many votes; so battles are aggregated into "kinds"
// (pair, votes, score) and a round of the Poisson bootstrap (each battle weighted by an
// independent Poisson(1) count) is one Poisson(count) draw per kind: a sum of independent
// Poisson(1) counts is Poisson. A round costs a few hundred draws and a refit on ≤ m²/2 rows,
// whatever the number of votes.
import { inChunks } from './chunks';
import { type FitRows, fitLogistic } from './logistic-fit';
import type { PairTotals } from './pairwise';
import { poisson, Random } from './random';
import type { Samples } from './samples';
import type { Tally } from './tally';

type BattleKinds = {
  row: Int32Array;
  score: Float64Array;
  votes: Float64Array;
  count: Float64Array;
};

type Kind = { row: number; score: number; votes: number; count: number };

/**
 * The kinds of battle, in a fixed order: single-vote battles (the usual case) by (pair,
 * score ∈ {0, ½, 1}); battles with several voters by a key, sorted so that the order of the
 * votes does not matter. Scores are the pair's lower model's.
 */
function* battleKinds(tally: Tally, pairs: PairTotals): Generator<void, BattleKinds> {
  const m = tally.models.length;
  const single = new Float64Array(pairs.low.length * 3);
  const several = new Map<string, Kind>();
  yield* inChunks(tally.battleA.length, (from, to) => {
    for (let battle = from; battle < to; battle++) {
      const a = tally.battleA[battle] as number;
      const b = tally.battleB[battle] as number;
      const row = pairs.pairOf[a < b ? a * m + b : b * m + a] as number;
      const votes = tally.battleVotes[battle] as number;
      const raw = tally.battleScore[battle] as number;
      const score = a < b ? raw : votes - raw;
      if (votes === 1) {
        single[row * 3 + score * 2] = (single[row * 3 + score * 2] as number) + 1;
        continue;
      }
      const key = `${row}:${votes}:${score}`;
      const kind = several.get(key) ?? { row, score, votes, count: 0 };
      kind.count += 1;
      several.set(key, kind);
    }
  });
  const list: Kind[] = [];
  single.forEach((count, index) => {
    if (count > 0)
      list.push({ row: Math.floor(index / 3), score: (index % 3) / 2, votes: 1, count });
  });
  list.push(
    ...[...several.values()].sort(
      (x, y) => x.row - y.row || x.votes - y.votes || x.score - y.score,
    ),
  );
  return {
    row: Int32Array.from(list, (kind) => kind.row),
    score: Float64Array.from(list, (kind) => kind.score),
    votes: Float64Array.from(list, (kind) => kind.votes),
    count: Float64Array.from(list, (kind) => kind.count),
  };
}

/** Fills the rows' totals with each kind weighted by `weight(kind)`. */
function fillRows(rows: FitRows, kinds: BattleKinds, weight: (kind: number) => number) {
  rows.score.fill(0);
  rows.votes.fill(0);
  for (let kind = 0; kind < kinds.row.length; kind++) {
    const count = weight(kind);
    const row = kinds.row[kind] as number;
    rows.score[row] = (rows.score[row] as number) + count * (kinds.score[kind] as number);
    rows.votes[row] = (rows.votes[row] as number) + count * (kinds.votes[kind] as number);
  }
}

export function* plainBradleyTerry(
  tally: Tally,
  pairs: PairTotals,
  { rounds, prior, seed }: { rounds: number; prior: number; seed: number },
): Generator<void, Samples> {
  const m = tally.models.length;
  const kinds = yield* battleKinds(tally, pairs);
  // One row per pair of models that met, lower index as A.
  const rows: FitRows = {
    length: pairs.low.length,
    a: pairs.low,
    b: pairs.high,
    score: new Float64Array(pairs.low.length),
    votes: new Float64Array(pairs.low.length),
    covariates: new Float64Array(0),
    covariateCount: 0,
  };
  fillRows(rows, kinds, (kind) => kinds.count[kind] as number);
  const { params: point } = yield* fitLogistic(rows, m, prior, new Float64Array(m));

  const random = new Random(seed);
  const draws = new Float64Array(rounds * m);
  for (let round = 0; round < rounds; round++) {
    fillRows(rows, kinds, (kind) => poisson(random, kinds.count[kind] as number));
    const { params } = yield* fitLogistic(rows, m, prior, point);
    draws.set(params, round * m);
  }
  return { point, draws, parameters: m };
}
