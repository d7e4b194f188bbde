import { describe, expect, it } from 'vitest';
import { distinctNames, type SpeedEntry, speedSummary } from './speed-summary-text';

const done = (name: string, tokensPerSecond: number | null, ttftMs: number | null): SpeedEntry => ({
  name,
  status: 'done',
  tokensPerSecond,
  ttftMs,
});

describe('speedSummary', () => {
  it('ranks every finished column by speed and by first token', () => {
    expect(
      speedSummary([
        done('deepseek-r1:32b', 10.9, 1830),
        done('deepseek-r1:7b', 38.2, 412),
        done('R1-Distill-Qwen-32B', 21.4, 305),
      ]),
    ).toBe(
      'Fastest: deepseek-r1:7b 38.2 tok/s, R1-Distill-Qwen-32B 21.4 tok/s (1.8× slower), deepseek-r1:32b 10.9 tok/s (3.5× slower); first token: R1-Distill-Qwen-32B 305 ms, deepseek-r1:7b 412 ms, deepseek-r1:32b 1.8 s.',
    );
  });

  it('flags a model that ran partly on the CPU next to its speed', () => {
    expect(
      speedSummary([
        { ...done('deepseek-r1:32b', 1.62, 4200), cpuShare: 0.38 },
        { ...done('deepseek-r1:7b', 38.2, 412), cpuShare: 0 },
      ]),
    ).toBe(
      'Fastest: deepseek-r1:7b 38.2 tok/s, deepseek-r1:32b 1.6 tok/s (38 % on CPU, 24× slower); first token: deepseek-r1:7b 412 ms, deepseek-r1:32b 4.2 s.',
    );
  });

  it('leaves stopped and failed columns out of the ranking and says so', () => {
    const line = speedSummary([
      done('a', 20, 900),
      { name: 'b', status: 'stopped', tokensPerSecond: 80, ttftMs: 100 },
      done('c', 40, 500),
      { name: 'd', status: 'error', tokensPerSecond: null, ttftMs: null },
    ]);
    expect(line).toBe(
      'Fastest: c 40.0 tok/s, a 20.0 tok/s (2.0× slower); first token: c 500 ms, a 900 ms; not ranked: b stopped and d failed.',
    );
  });

  it('claims no ratio from a single finished column', () => {
    expect(
      speedSummary([
        done('a', 12, 300),
        { name: 'b', status: 'stopped', tokensPerSecond: 50, ttftMs: 90 },
      ]),
    ).toBe('a 12.0 tok/s; not ranked: b stopped.');
    expect(
      speedSummary([{ name: 'a', status: 'stopped', tokensPerSecond: 9, ttftMs: 9 }]),
    ).toBeNull();
    expect(speedSummary([])).toBeNull();
  });

  it('says when speeds are about the same rather than inventing a winner', () => {
    expect(
      speedSummary([done('a', 30.1, null), done('b', 29.5, null), done('c', 29.9, null)]),
    ).toBe('a, c and b generated at about the same speed (29.5–30.1 tok/s).');
  });
});

describe('distinctNames', () => {
  it('adds the backend, then the position, only where names would repeat', () => {
    expect(
      distinctNames([
        { model: 'm', backendLabel: 'Ollama', position: 0 },
        { model: 'm', backendLabel: 'vLLM', position: 1 },
        { model: 'x', backendLabel: 'Ollama', position: 2 },
        { model: 'x', backendLabel: 'Ollama', position: 3 },
      ]),
    ).toEqual(['m (Ollama)', 'm (vLLM)', 'x (Ollama) #3', 'x (Ollama) #4']);
  });
});
