import { describe, expect, it } from 'vitest';
import { pairKey, pickPair } from './pick-pair';

/** A small seeded generator (mulberry32), so the counts below are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const a = { backendId: 'ollama', model: 'deepseek-r1:7b' };
const b = { backendId: 'ollama', model: 'deepseek-r1:32b' };
const c = { backendId: 'deepseek', model: 'deepseek-reasoner' };

describe('pickPair', () => {
  it('picks two different models, never one against itself', () => {
    const random = seeded(1);
    for (let i = 0; i < 500; i += 1) {
      const pair = pickPair([a, b, c, a], new Map(), random);
      expect(pair).not.toBeNull();
      const [x, y] = pair ?? [a, a];
      expect(pairKey(x, y)).not.toBe(pairKey(x, x));
      expect(x).not.toEqual(y);
    }
  });

  it('is null when the pool has fewer than two models', () => {
    expect(pickPair([a], new Map())).toBeNull();
    expect(pickPair([a, { ...a }], new Map())).toBeNull();
  });

  it('places each model as A about half of the time', () => {
    const random = seeded(2);
    let aFirst = 0;
    for (let i = 0; i < 4000; i += 1) {
      const [x] = pickPair([a, b], new Map(), random) ?? [b];
      if (x === a) aFirst += 1;
    }
    expect(aFirst / 4000).toBeGreaterThan(0.46);
    expect(aFirst / 4000).toBeLessThan(0.54);
  });

  it('picks pairs with fewer battles more often, in proportion to 1 / (1 + battles)', () => {
    const random = seeded(3);
    // a–b met 9 times (weight 0.1), the other two pairs never (weight 1 each).
    const battles = new Map([[pairKey(a, b), 9]]);
    const counts = new Map<string, number>();
    const rounds = 21_000;
    for (let i = 0; i < rounds; i += 1) {
      const [x, y] = pickPair([a, b, c], battles, random) ?? [a, a];
      const key = pairKey(x, y);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const share = (count: number | undefined) => (count ?? 0) / rounds;
    expect(share(counts.get(pairKey(a, b)))).toBeCloseTo(0.1 / 2.1, 1);
    expect(share(counts.get(pairKey(a, c)))).toBeCloseTo(1 / 2.1, 1);
    expect(share(counts.get(pairKey(b, c)))).toBeCloseTo(1 / 2.1, 1);
  });
});
