/** Epoch ms with sub-ms precision, monotonic within the process. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Resolves true at the given epoch time, or false as soon as the signal aborts (its timer is
 * cleared then). Targets are absolute, so a late wake-up never pushes later tokens back.
 */
export function waitUntil(at: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  const delay = at - now();
  if (delay <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.ceil(delay));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return waitUntil(now() + ms, signal);
}

/** Calls `tick` every `intervalMs` until stopped or aborted; returns the stop function. */
export function every(intervalMs: number, signal: AbortSignal, tick: () => void): () => void {
  const timer = setInterval(tick, intervalMs);
  const stop = () => {
    clearInterval(timer);
    signal.removeEventListener('abort', stop);
  };
  signal.addEventListener('abort', stop, { once: true });
  return stop;
}

export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}
