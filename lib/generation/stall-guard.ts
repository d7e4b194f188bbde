import { AppError } from '@/lib/errors';

/**
 * Aborts a generation whose backend goes quiet: once before the first data (queued requests
 * may legitimately wait long; keep-alive comments do not count), once between data chunks.
 */
export function guardStalls(
  controller: AbortController,
  { firstTokenMs, idleMs }: { firstTokenMs: number; idleMs: number },
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle = false;

  const arm = (ms: number, message: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new AppError('stream_timeout', message)), ms);
  };

  arm(
    firstTokenMs,
    `No data from the backend within ${Math.round(firstTokenMs / 1000)} s. It may be overloaded or still loading the model; retry, or raise VERSUS_FIRST_TOKEN_TIMEOUT_MS.`,
  );

  return {
    /** Call on every data chunk; after the first, it only refreshes the one timer (hot path). */
    touch() {
      if (idle) {
        timer?.refresh();
        return;
      }
      idle = true;
      arm(
        idleMs,
        `The stream stalled: no data for ${Math.round(idleMs / 1000)} s. The text so far is kept; retry to start over.`,
      );
    },
    clear() {
      clearTimeout(timer);
    },
  };
}
