import { describe, expect, it } from 'vitest';
import { hashString, poisson, poissonOneLessOne, Random } from './random';

describe('Random', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(2)).not.toEqual(draw(1));
    const random = new Random(3);
    for (let i = 0; i < 1000; i++) {
      const value = random.float();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  it('hashes strings by FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('Poisson draws', () => {
  const moments = (values: number[]) => {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    return { mean, variance };
  };

  it.each([0.5, 3, 40, 700])('have mean and variance %d', (mean) => {
    const random = new Random(Math.round(mean * 10));
    const draws = Array.from({ length: 40_000 }, () => poisson(random, mean));
    expect(draws.every((value) => Number.isInteger(value) && value >= 0)).toBe(true);
    const observed = moments(draws);
    // Standard errors: √(mean / n) for the mean, about mean·√(2 / n) for the variance.
    expect(Math.abs(observed.mean - mean)).toBeLessThan(4 * Math.sqrt(mean / draws.length));
    expect(Math.abs(observed.variance - mean)).toBeLessThan(
      4 * mean * Math.sqrt(2 / 40_000) + 0.01,
    );
  });

  it('less one, from 16 bits, has mean 0 and variance 1 over all 65,536 cells', () => {
    const cells = Array.from({ length: 65536 }, (_, cell) => poissonOneLessOne(cell << 16));
    const { mean, variance } = moments(cells);
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    expect(Math.abs(variance - 1)).toBeLessThan(1e-4);
    expect(Math.min(...cells)).toBe(-1);
    // P(count = 0) = e⁻¹.
    expect(cells.filter((value) => value === -1).length / 65536).toBeCloseTo(Math.exp(-1), 4);
  });
});
