// Percentiles and summaries. Nearest-rank percentiles: every figure reported is a real sample.

/** Epoch ms with sub-ms precision; the same clock the fake backends stamp their tokens with. */
export function now() {
  return performance.timeOrigin + performance.now();
}

/**
 * @param {number[]} values
 * @param {number} p 0–100
 */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/**
 * p50/p95/p99, mean and max of a sample, rounded to 0.01.
 * @param {number[]} values
 */
export function summary(values) {
  const round = (/** @type {number | null} */ value) =>
    value === null ? null : Math.round(value * 100) / 100;
  const mean = values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    mean: round(mean),
    max: round(values.length ? Math.max(...values) : null),
  };
}

/**
 * How much the app adds over the direct connection, per percentile: app minus direct.
 * @param {ReturnType<typeof summary>} app
 * @param {ReturnType<typeof summary>} direct
 */
export function added(app, direct) {
  /** @param {'p50' | 'p95' | 'p99'} key */
  const diff = (key) => {
    const a = app[key];
    const d = direct[key];
    return a === null || d === null ? null : Math.round((a - d) * 100) / 100;
  };
  return { p50: diff('p50'), p95: diff('p95'), p99: diff('p99') };
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs tasks with at most `limit` in flight; resolves to their results in order.
 * @template T
 * @param {number} limit
 * @param {Array<() => Promise<T>>} tasks
 * @returns {Promise<T[]>}
 */
export async function pool(limit, tasks) {
  /** @type {T[]} */
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
