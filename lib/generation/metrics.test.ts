import { describe, expect, it } from 'vitest';
import { computeMetrics } from './metrics';

describe('computeMetrics', () => {
  it('uses the backend generation time when it reports one (Ollama eval_duration)', () => {
    const metrics = computeMetrics(
      {
        startedAt: 0,
        firstTokenAt: 5_000, // includes a 4.5 s model load: not generation time
        lastTokenAt: 9_000,
        chunks: 99,
        usage: { completionTokens: 100, promptTokens: 12, generationMs: 2_000, loadMs: 4_500.04 },
      },
      9_010,
    );
    expect(metrics.tokensPerSecond).toBe(50);
    expect(metrics.ttftMs).toBe(5_000);
    // The load is reported on its own, and stays inside time to first token.
    expect(metrics.loadMs).toBe(4_500);
    expect(metrics.promptTokens).toBe(12);
    expect(metrics.completionTokens).toBe(100);
    expect(metrics.countsReported).toBe(true);
  });

  it('otherwise divides the intervals between tokens by the time they span', () => {
    const metrics = computeMetrics(
      {
        startedAt: 0,
        firstTokenAt: 400,
        lastTokenAt: 2_400,
        chunks: 41,
        usage: { completionTokens: 41 },
      },
      2_450,
    );
    expect(metrics.tokensPerSecond).toBe(20);
    expect(metrics.totalMs).toBe(2_450);
  });

  it('counts chunks, and says so, when the backend reports no usage', () => {
    const metrics = computeMetrics(
      { startedAt: 0, firstTokenAt: 10, lastTokenAt: 110, chunks: 11 },
      120,
    );
    expect(metrics.completionTokens).toBe(11);
    expect(metrics.countsReported).toBe(false);
    expect(metrics.tokensPerSecond).toBe(100);
  });

  it('measures reasoning from its first token to the first answer token', () => {
    const metrics = computeMetrics(
      {
        startedAt: 0,
        firstTokenAt: 100,
        firstReasoningAt: 100,
        lastReasoningAt: 1_300,
        firstContentAt: 1_350,
        lastTokenAt: 2_000,
        chunks: 50,
      },
      2_000,
    );
    expect(metrics.reasoningMs).toBe(1_250);
    expect(metrics.answerTtftMs).toBe(1_350);
  });

  it('has no time to first answer token without reasoning: that is time to first token', () => {
    const metrics = computeMetrics(
      { startedAt: 10, firstTokenAt: 110, firstContentAt: 110, lastTokenAt: 500, chunks: 9 },
      500,
    );
    expect(metrics.ttftMs).toBe(100);
    expect(metrics.answerTtftMs).toBeNull();
    expect(metrics.loadMs).toBeNull();
  });

  it('has no time to first answer token while only reasoning has come', () => {
    const metrics = computeMetrics(
      { startedAt: 0, firstTokenAt: 50, firstReasoningAt: 50, lastReasoningAt: 90, chunks: 3 },
      100,
    );
    expect(metrics.answerTtftMs).toBeNull();
    expect(metrics.reasoningMs).toBe(40);
  });

  it('has no rate before two tokens', () => {
    expect(computeMetrics({ startedAt: 0, chunks: 0 }, 50).tokensPerSecond).toBeNull();
    expect(
      computeMetrics({ startedAt: 0, firstTokenAt: 5, lastTokenAt: 5, chunks: 1 }, 50)
        .tokensPerSecond,
    ).toBeNull();
  });
});
