import { inChunks } from './chunks';
import type { Tally } from './tally';

/** Per pair of models that met, the lower index first: what the fit and the matrix need. */
export type PairTotals = {
  low: Int32Array;
  high: Int32Array;
  battles: Float64Array;
  votes: Float64Array;
  /** The lower model's points over the pair's votes (a tie is ½). */
  lowPoints: Float64Array;
  /** `low × models + high` to the pair's number, −1 where the two never met. */
  pairOf: Int32Array;
};

/** Sums the battles by pair, in one pass over them. */
export function* pairTotals(tally: Tally): Generator<void, PairTotals> {
  const m = tally.models.length;
  const battles = new Float64Array(m * m);
  const votes = new Float64Array(m * m);
  const lowPoints = new Float64Array(m * m);
  yield* inChunks(tally.battleA.length, (from, to) => {
    for (let battle = from; battle < to; battle++) {
      const a = tally.battleA[battle] as number;
      const b = tally.battleB[battle] as number;
      const n = tally.battleVotes[battle] as number;
      const score = tally.battleScore[battle] as number;
      const cell = a < b ? a * m + b : b * m + a;
      battles[cell] = (battles[cell] as number) + 1;
      votes[cell] = (votes[cell] as number) + n;
      lowPoints[cell] = (lowPoints[cell] as number) + (a < b ? score : n - score);
    }
  });
  const pairOf = new Int32Array(m * m).fill(-1);
  const cells: number[] = [];
  battles.forEach((count, cell) => {
    if (count > 0) pairOf[cell] = cells.push(cell) - 1;
  });
  const pick = (values: Float64Array) => Float64Array.from(cells, (cell) => values[cell] as number);
  return {
    low: Int32Array.from(cells, (cell) => Math.floor(cell / m)),
    high: Int32Array.from(cells, (cell) => cell % m),
    battles: pick(battles),
    votes: pick(votes),
    lowPoints: pick(lowPoints),
    pairOf,
  };
}

/** Row against column: the row's share of the points over their votes (ties ½), and battles. */
export type PairwiseMatrix = {
  models: string[];
  /** null where the two never met (and on the diagonal). */
  winRate: (number | null)[][];
  battles: number[][];
};

/** The observed head-to-head record, rows and columns in `order` (model indices). */
export function pairwiseMatrix(
  models: readonly string[],
  pairs: PairTotals,
  order: readonly number[],
): PairwiseMatrix {
  const m = models.length;
  const cell = (row: number, column: number) => {
    const pair = pairs.pairOf[row < column ? row * m + column : column * m + row] ?? -1;
    if (pair === -1) return { winRate: null, battles: 0 };
    const votes = pairs.votes[pair] as number;
    const lowPoints = pairs.lowPoints[pair] as number;
    return {
      winRate: (row < column ? lowPoints : votes - lowPoints) / votes,
      battles: pairs.battles[pair] as number,
    };
  };
  return {
    models: order.map((index) => models[index] as string),
    winRate: order.map((row) => order.map((column) => cell(row, column).winRate)),
    battles: order.map((row) => order.map((column) => cell(row, column).battles)),
  };
}

/**
 * Groups of models linked by battles, directly or through others. Ratings compare only within a
 * group: each group is centred on 1000 on its own. Group 0 is the largest (then by first key).
 */
export function modelGroups(models: number, pairs: PairTotals): Int32Array {
  const parent = Int32Array.from({ length: models }, (_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) {
      const up = parent[at] as number;
      parent[at] = parent[up] as number;
      at = up;
    }
    return at;
  };
  for (let pair = 0; pair < pairs.low.length; pair++) {
    const a = root(pairs.low[pair] as number);
    const b = root(pairs.high[pair] as number);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const size = new Int32Array(models);
  for (let index = 0; index < models; index++)
    size[root(index)] = (size[root(index)] as number) + 1;
  // Roots are each group's first model in key order, so ties in size go to the earlier key.
  const roots = [...new Set(Array.from({ length: models }, (_, index) => root(index)))].sort(
    (x, y) => (size[y] as number) - (size[x] as number) || x - y,
  );
  const groupOfRoot = new Map(roots.map((rootIndex, group) => [rootIndex, group]));
  return Int32Array.from({ length: models }, (_, index) => groupOfRoot.get(root(index)) as number);
}
