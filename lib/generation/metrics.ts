import type { MessageMetrics } from '@/lib/api/views';
import type { UsageReport } from '@/lib/backends/types';

/** Moments of one generation, in ms on one monotonic clock (performance.now()). */
export interface Timeline {
  /** When the request left Versus (its bytes handed to the operating system). */
  startedAt: number;
  /** The first token of any kind: reasoning, answer, or a tag that shows in neither. */
  firstTokenAt?: number;
  firstReasoningAt?: number;
  lastReasoningAt?: number;
  /** The first token of the answer (reset when a bare `</think>` makes the content reasoning). */
  firstContentAt?: number;
  lastTokenAt?: number;
  /** Chunks of text seen; the token count when the backend reports none. */
  chunks: number;
  usage?: UsageReport;
}

export const emptyMetrics: MessageMetrics = {
  ttftMs: null,
  answerTtftMs: null,
  reasoningMs: null,
  totalMs: null,
  loadMs: null,
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
 * N tokens span N − 1 intervals, and time to first token is reported on its own. Times run
 * from the moment the request left; the model's load time (Ollama) is inside time to first
 * token and reported apart as loadMs.
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

  const sinceStart = (at: number | undefined) =>
    at === undefined ? null : round(at - timeline.startedAt, 1);

  return {
    ttftMs: sinceStart(timeline.firstTokenAt),
    // Only an answer after reasoning has a time of its own; otherwise it is ttftMs.
    answerTtftMs:
      timeline.firstReasoningAt === undefined ? null : sinceStart(timeline.firstContentAt),
    reasoningMs: reasoningMs === null ? null : round(reasoningMs, 1),
    totalMs: round(now - timeline.startedAt, 1),
    loadMs: usage?.loadMs === undefined ? null : round(usage.loadMs, 1),
    promptTokens: usage?.promptTokens ?? null,
    completionTokens,
    tokensPerSecond: tokensPerSecond === null ? null : round(tokensPerSecond, 2),
    countsReported,
  };
}
