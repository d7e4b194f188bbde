import { describe, expect, it } from 'vitest';
import { distinctNames, speedSummary } from './speed-summary-text';

describe('speedSummary', () => {
  it('compares the fastest with the slowest and names the fastest first token', () => {
    expect(
      speedSummary([
        { name: 'deepseek-r1:7b', tokensPerSecond: 38.2, ttftMs: 412 },
        { name: 'deepseek-r1:32b', tokensPerSecond: 10.9, ttftMs: 1830 },
      ]),
    ).toBe(
      'deepseek-r1:7b generated 3.5× faster than deepseek-r1:32b (38.2 vs 10.9 tok/s); fastest first token: deepseek-r1:7b (412 ms).',
    );
  });

  it('skips columns without a speed and needs two that have one', () => {
    const line = speedSummary([
      { name: 'a', tokensPerSecond: null, ttftMs: null },
      { name: 'b', tokensPerSecond: 20, ttftMs: 2500 },
      { name: 'c', tokensPerSecond: 40, ttftMs: 900 },
    ]);
    expect(line).toBe(
      'c generated 2.0× faster than b (40.0 vs 20.0 tok/s); fastest first token: c (900 ms).',
    );
    expect(speedSummary([{ name: 'a', tokensPerSecond: 12, ttftMs: 10 }])).toBeNull();
    expect(speedSummary([])).toBeNull();
  });

  it('says when speeds are about the same rather than inventing a winner', () => {
    expect(
      speedSummary([
        { name: 'a', tokensPerSecond: 30.1, ttftMs: null },
        { name: 'b', tokensPerSecond: 29.5, ttftMs: null },
      ]),
    ).toBe('a and b generated at about the same speed (30.1 vs 29.5 tok/s).');
  });

  it('orders by speed whatever the column order', () => {
    const line = speedSummary([
      { name: 'slow', tokensPerSecond: 5, ttftMs: 300 },
      { name: 'mid', tokensPerSecond: 25, ttftMs: 200 },
      { name: 'fast', tokensPerSecond: 150, ttftMs: 1200 },
    ]);
    expect(line).toBe(
      'fast generated 30× faster than slow (150 vs 5.0 tok/s); fastest first token: mid (200 ms).',
    );
  });
});

describe('speedSummary ties', () => {
  it('names every model sharing the fastest first token, and none when all tie', () => {
    expect(
      speedSummary([
        { name: 'a', tokensPerSecond: 200, ttftMs: 135.2 },
        { name: 'b', tokensPerSecond: 120, ttftMs: 138 },
        { name: 'c', tokensPerSecond: 140, ttftMs: 134.9 },
      ]),
    ).toBe(
      'a generated 1.7× faster than b (200 vs 120 tok/s); fastest first token: c and a (135 ms).',
    );
    expect(
      speedSummary([
        { name: 'a', tokensPerSecond: 20, ttftMs: 100 },
        { name: 'b', tokensPerSecond: 10, ttftMs: 100 },
      ]),
    ).toBe('a generated 2.0× faster than b (20.0 vs 10.0 tok/s).');
  });
});

describe('distinctNames', () => {
  it('adds the backend only where a model appears twice, then the position', () => {
    expect(
      distinctNames([
        { model: 'r1:7b', backendLabel: 'Ollama', position: 0 },
        { model: 'r1:7b', backendLabel: 'vLLM', position: 1 },
        { model: 'r1:32b', backendLabel: 'Ollama', position: 2 },
        { model: 'r1:32b', backendLabel: 'Ollama', position: 3 },
      ]),
    ).toEqual(['r1:7b (Ollama)', 'r1:7b (vLLM)', 'r1:32b (Ollama) #3', 'r1:32b (Ollama) #4']);
  });
});
