import { describe, expect, it } from 'vitest';
import { drain } from './chunks';
import { cholesky, type FitRows, fitLogistic, solveCholesky } from './logistic-fit';

const rowsOf = (pairs: [number, number, number, number][]): FitRows => ({
  length: pairs.length,
  a: Int32Array.from(pairs, ([a]) => a),
  b: Int32Array.from(pairs, ([, b]) => b),
  score: Float64Array.from(pairs, ([, , score]) => score),
  votes: Float64Array.from(pairs, ([, , , votes]) => votes),
  covariates: new Float64Array(0),
  covariateCount: 0,
});

describe('fitLogistic', () => {
  it('finds the log-odds of the observed share between two models', () => {
    // 70 points of 100: θ₀ − θ₁ = ln(70 / 30), split evenly around 0 by the (tiny) prior.
    const { params, gradient } = drain(
      fitLogistic(rowsOf([[0, 1, 70, 100]]), 2, 1e-9, new Float64Array(2)),
    );
    expect((params[0] ?? 0) - (params[1] ?? 0)).toBeCloseTo(Math.log(70 / 30), 6);
    expect((params[0] ?? 0) + (params[1] ?? 0)).toBeCloseTo(0, 9);
    expect(Math.max(...gradient.map(Math.abs))).toBeLessThan(1e-8);
  });

  it('holds a model that won every vote at a finite value, the prior against the data', () => {
    const { params } = drain(fitLogistic(rowsOf([[0, 1, 20, 20]]), 2, 0.25, new Float64Array(2)));
    const gap = (params[0] ?? 0) - (params[1] ?? 0);
    expect(Number.isFinite(gap)).toBe(true);
    // At the optimum 20·(1 − σ(gap)) = 0.25·gap/2 for each side: the gap solves that equation.
    expect(20 * (1 - 1 / (1 + Math.exp(-gap)))).toBeCloseTo((0.25 * gap) / 2, 9);
  });

  it('ends at the same optimum from any start', () => {
    const rows = rowsOf([
      [0, 1, 30, 50],
      [1, 2, 10, 40],
      [0, 2, 12, 20],
    ]);
    const from = (start: number[]) =>
      Array.from(drain(fitLogistic(rows, 3, 0.25, Float64Array.from(start))).params);
    const origin = from([0, 0, 0]);
    from([5, -7, 30]).forEach((value, index) => {
      expect(value).toBeCloseTo(origin[index] ?? Number.NaN, 9);
    });
  });
});

describe('cholesky and solveCholesky', () => {
  it('solve a symmetric positive definite system', () => {
    const matrix = Float64Array.from([4, 0, 0, 2, 5, 0, 1, 3, 6]); // lower triangle of A
    const full = [
      [4, 2, 1],
      [2, 5, 3],
      [1, 3, 6],
    ];
    const x = [1, -2, 3];
    const rhs = Float64Array.from(
      full.map((row) => row.reduce((sum, v, j) => sum + v * (x[j] ?? 0), 0)),
    );
    cholesky(matrix, 3);
    const out = new Float64Array(3);
    solveCholesky(matrix, 3, rhs, out);
    out.forEach((value, index) => {
      expect(value).toBeCloseTo(x[index] ?? Number.NaN, 12);
    });
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => cholesky(Float64Array.from([1, 0, 2, 1]), 2)).toThrow(RangeError);
  });
});
