// Seeded randomness and hashing for the bootstrap: written here rather than taken from a package
// because it is forty lines and must give the same numbers on every machine and Node version.

const TWO_TO_32 = 2 ** 32;

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units, chained through `hash`. */
export function hashString(text: string, hash = 0x811c9dc5): number {
  let h = hash | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const numberView = new Float64Array(1);
const numberWords = new Uint32Array(numberView.buffer);

/** Folds a number's exact bits into a hash. */
export function hashNumber(value: number, hash: number): number {
  numberView[0] = value;
  return mix32((hash ^ mix32(numberWords[0] as number)) + (numberWords[1] as number));
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** xoshiro128** (Blackman and Vigna), its state filled by splitmix32 from one 32-bit seed. */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let state = seed | 0;
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      return mix32(state) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / TWO_TO_32;
  }
}

/** Stirling's series for log Γ, as numpy's loggam uses it. */
const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
] as const;

/** log Γ(x) for x ≥ 1: the series after shifting x up to 7, then the shift undone. */
function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * x2 + (STIRLING[k] as number);
  let result = sum / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k++) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}

/**
 * A Poisson(mean) draw: multiplication of uniforms below 10, above it Hörmann's transformed
 * rejection (PTRS, 1993), which needs about 1.2 pairs of uniforms whatever the mean.
 */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random.float();
    while (product > limit) {
      k++;
      product *= random.float();
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random.float() - 0.5;
    const v = random.float();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/**
 * Poisson(1) − 1 at 65,536 equally likely points (the quantile at each cell's middle): a weight
 * from 16 random bits and one lookup, with no branch for the CPU to mispredict. The quantisation
 * moves no probability by more than 2^-16; mean 1 exactly, variance 1 within 4·10^-5.
 */
const POISSON_ONE_LESS_ONE = new Int8Array(65536);
for (let cell = 0, k = 0, term = Math.exp(-1), total = term; cell < 65536; cell++) {
  while ((cell + 0.5) / 65536 > total) {
    k += 1;
    term /= k;
    total += term;
  }
  POISSON_ONE_LESS_ONE[cell] = k - 1;
}

/** A Poisson(1) draw less one, from the high 16 bits of a uniform 32-bit integer. */
export function poissonOneLessOne(uniform: number): number {
  return POISSON_ONE_LESS_ONE[uniform >>> 16] as number;
}
