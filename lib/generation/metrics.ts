import type { MessageMetrics } from '@/lib/api/views';
import type { UsageReport } from '@/lib/backends/types';

/** Moments of one generation, in ms on one monotonic clock (performance.now()). */
export interface Timeline {
  startedAt: number;
  firstTokenAt?: number;
  firstReasoningAt?: number;
  lastReasoningAt?: number;
  firstContentAt?: number;
  lastTokenAt?: number;
  /** Chunks of text seen; the token count when the backend reports none. */
  chunks: number;
  usage?: UsageReport;
}

export const emptyMetrics: MessageMetrics = {
  ttftMs: null,
  reasoningMs: null,
  totalMs: null,
  promptTokens: null,
  completionTokens: null,
  tokensPerSecond: null,
  countsReported: false,
};

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * Metrics as of `now`. Tokens per second is the decode rate: the backend's own figure where it
 * reports generation time (Ollama's eval_count / eval_duration, which excludes model load and
 * prompt evaluation), otherwise (tokens − 1) over the time from the first token to the last —
 * N tokens span N − 1 intervals, and time to first token is reported on its own.
 */
export function computeMetrics(timeline: Timeline, now: number): MessageMetrics {
  const { usage } = timeline;
  const countsReported = usage?.completionTokens !== undefined;
  const completionTokens =
    usage?.completionTokens ?? (timeline.chunks > 0 ? timeline.chunks : null);

  let tokensPerSecond: number | null = null;
  if (usage?.completionTokens && usage.generationMs && usage.generationMs > 0) {
    tokensPerSecond = (usage.completionTokens / usage.generationMs) * 1000;
  } else if (
    completionTokens !== null &&
    completionTokens > 1 &&
    timeline.firstTokenAt !== undefined &&
    timeline.lastTokenAt !== undefined &&
    timeline.lastTokenAt > timeline.firstTokenAt
  ) {
    tokensPerSecond =
      ((completionTokens - 1) / (timeline.lastTokenAt - timeline.firstTokenAt)) * 1000;
  }

  let reasoningMs: number | null = null;
  if (timeline.firstReasoningAt !== undefined) {
    const end = timeline.firstContentAt ?? timeline.lastReasoningAt ?? now;
    reasoningMs = Math.max(0, end - timeline.firstReasoningAt);
  }

  return {
    ttftMs:
      timeline.firstTokenAt === undefined
        ? null
        : round(timeline.firstTokenAt - timeline.startedAt, 1),
    reasoningMs: reasoningMs === null ? null : round(reasoningMs, 1),
    totalMs: round(now - timeline.startedAt, 1),
    promptTokens: usage?.promptTokens ?? null,
    completionTokens,
    tokensPerSecond: tokensPerSecond === null ? null : round(tokensPerSecond, 2),
    countsReported,
  };
}
