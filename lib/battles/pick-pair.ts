/** A model a battle may pick: one model of one backend. */
export interface PoolModel {
  backendId: string;
  model: string;
}

/** The same key for a pair whichever side each model is on. */
export function pairKey(x: PoolModel, y: PoolModel): string {
  const [first, second] = [modelKey(x), modelKey(y)].sort();
  return `${first}\n${second}`;
}

export function modelKey(model: PoolModel): string {
  return `${model.backendId}\t${model.model}`;
}

/**
 * Two different models of the pool, placed at random as A and B. A pair is picked with weight
 * 1 / (1 + its battles so far): pairs that met less often come up more, so the leaderboard's
 * intervals shrink where they are widest, and no pair is ever left out. `random` returns
 * [0, 1) (Math.random; a seeded one in tests).
 */
export function pickPair(
  pool: readonly PoolModel[],
  battlesOf: ReadonlyMap<string, number>,
  random: () => number = Math.random,
): [PoolModel, PoolModel] | null {
  const models = [...new Map(pool.map((model) => [modelKey(model), model])).values()];
  const pairs: { x: PoolModel; y: PoolModel; weight: number }[] = [];
  let total = 0;
  for (let i = 0; i < models.length; i += 1) {
    for (let j = i + 1; j < models.length; j += 1) {
      const x = models[i] as PoolModel;
      const y = models[j] as PoolModel;
      const weight = 1 / (1 + (battlesOf.get(pairKey(x, y)) ?? 0));
      pairs.push({ x, y, weight });
      total += weight;
    }
  }
  let left = random() * total;
  const picked =
    pairs.find((pair) => {
      left -= pair.weight;
      return left < 0;
    }) ?? pairs.at(-1);
  if (!picked) return null;
  return random() < 0.5 ? [picked.x, picked.y] : [picked.y, picked.x];
}
