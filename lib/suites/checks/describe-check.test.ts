import { describe, expect, it } from 'vitest';
import { describeCheck } from './describe-check';
import type { SuiteCheck } from './schema';

describe('describeCheck', () => {
  it.each<[SuiteCheck, string]>([
    [{ kind: 'number', expected: [12, 13], tolerance: 0 }, 'Numbers 12, 13 (±0)'],
    [{ kind: 'number', expected: [1492.08], tolerance: 0.01 }, 'Number 1492.08 (±0.01)'],
    [
      { kind: 'match', mode: 'exact', pattern: '北京', caseSensitive: false },
      'Answer is "北京", any case',
    ],
    [
      { kind: 'match', mode: 'regex', pattern: 'paris|巴黎', caseSensitive: true },
      'Matches /paris|巴黎/',
    ],
    [{ kind: 'line-starts', starts: '新年快乐万事如意' }, 'Lines start with 新年快乐万事如意'],
    [{ kind: 'manual' }, 'Judge by hand'],
  ])('%j', (check, line) => {
    expect(describeCheck(check)).toBe(line);
  });
});
