// The ratings are computed as a generator of steps: computeRatings drains it at once,
// computeRatingsAsync lets the event loop run between slices of steps.

/** Rows, battles or votes between two yields: ~1 ms of work, a few before V8 optimises it. */
const CHUNK = 4096;

/**
 * `work` over [0, total) in chunks, yielding after each, so that computeRatingsAsync can let the
 * event loop run. The loop itself stays in an ordinary function, which V8 optimises as usual.
 */
export function* inChunks(
  total: number,
  work: (from: number, to: number) => void,
): Generator<void, void> {
  for (let from = 0; from < total; from += CHUNK) {
    work(from, Math.min(from + CHUNK, total));
    yield;
  }
}

/** Runs a computation's steps to the end on the calling thread. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
