import { describe, expect, it } from 'vitest';
import { evaluateCheck } from './evaluate-check';
import type { SuiteCheck } from './schema';

const CHECKS: SuiteCheck[] = [
  { kind: 'number', expected: [12, 13], tolerance: 0 },
  { kind: 'match', mode: 'exact', pattern: '北京', caseSensitive: false },
  { kind: 'match', mode: 'regex', pattern: '.*', caseSensitive: false },
  { kind: 'line-starts', starts: '新年' },
];

describe('evaluateCheck', () => {
  it('leaves a manual check to a person, whatever the answer', () => {
    for (const answer of ['', '鸡有12只', '新\n年']) {
      expect(evaluateCheck({ kind: 'manual' }, answer)).toEqual({
        verdict: 'judge',
        detail: 'judge by hand',
      });
    }
  });

  it.each(['', '  \n\t', '\u3000\u3000'])('fails every automatic check on %j', (answer) => {
    for (const check of CHECKS) {
      expect(evaluateCheck(check, answer)).toEqual({ verdict: 'fail', detail: 'no answer' });
    }
  });

  it('dispatches on the kind', () => {
    expect(evaluateCheck(CHECKS[0] as SuiteCheck, '\\boxed{12} 和 \\boxed{13}').verdict).toBe(
      'pass',
    );
    expect(evaluateCheck(CHECKS[1] as SuiteCheck, '北京').verdict).toBe('pass');
    expect(evaluateCheck(CHECKS[3] as SuiteCheck, '新春\n年年').verdict).toBe('pass');
    expect(evaluateCheck(CHECKS[3] as SuiteCheck, '年年\n新春').verdict).toBe('fail');
  });
});
