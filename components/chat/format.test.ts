import { describe, expect, it } from 'vitest';
import { formatDuration, metricParts, modelHint, paramsSummary } from './format';

describe('formatDuration', () => {
  it('uses ms, then seconds, then minutes', () => {
    expect(formatDuration(412.4)).toBe('412 ms');
    expect(formatDuration(16_420)).toBe('16.4 s');
    expect(formatDuration(125_000)).toBe('2 m 05 s');
  });
});

describe('metricParts', () => {
  const metrics = {
    ttftMs: 412,
    answerTtftMs: 12_812,
    reasoningMs: 12_400,
    totalMs: 16_400,
    loadMs: 2_130,
    promptTokens: 20,
    completionTokens: 611,
    tokensPerSecond: 38.24,
    countsReported: true,
  };

  it('renders the footer line: first token, first answer token, rate, counts, load, total', () => {
    expect(metricParts(metrics).map((part) => part.text)).toEqual([
      'TTFT 412 ms',
      'answer 12.8 s',
      '38.2 tok/s',
      '611 tok',
      'prompt 20',
      'load 2.1 s',
      '16.4 s',
    ]);
  });

  it('marks counts Versus estimated and leaves out what is unknown', () => {
    const parts = metricParts({
      ...metrics,
      countsReported: false,
      ttftMs: null,
      answerTtftMs: null,
      totalMs: null,
      loadMs: null,
      promptTokens: null,
    });
    expect(parts.map((part) => part.text)).toEqual(['38.2 tok/s', '~611 tok']);
  });
});

describe('hints', () => {
  it('describes a model by what its backend reports', () => {
    expect(modelHint({ parameterSize: '7.6B', quantization: 'Q4_K_M' })).toBe('7.6B · Q4_K_M');
    expect(modelHint({})).toBe('');
  });

  it('summarises only the parameters that were set', () => {
    expect(paramsSummary({})).toBe('defaults');
    expect(
      paramsSummary({ temperature: 0.6, maxTokens: 4096, think: false, systemPrompt: 'x' }),
    ).toBe('T 0.6 · max 4096 · think off · system');
  });
});
