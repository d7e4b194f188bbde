import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { type SuiteCheck, suiteCheckSchema } from './schema';

// The shape agreed with the suites runner and editor; tsc fails here if the schema drifts from it.
type AgreedSuiteCheck =
  | { kind: 'number'; expected: number[]; tolerance: number }
  | { kind: 'match'; mode: 'exact' | 'regex'; pattern: string; caseSensitive: boolean }
  | { kind: 'line-starts'; starts: string }
  | { kind: 'manual' };

it('infers the agreed check type', () => {
  expectTypeOf<SuiteCheck>().toEqualTypeOf<AgreedSuiteCheck>();
  expectTypeOf(suiteCheckSchema).toExtend<z.ZodType<AgreedSuiteCheck>>();
});

describe('suiteCheckSchema', () => {
  it.each([
    { kind: 'number', expected: [12, 13], tolerance: 0 },
    { kind: 'number', expected: [1492.08], tolerance: 0.01 },
    { kind: 'match', mode: 'exact', pattern: '北京', caseSensitive: false },
    { kind: 'match', mode: 'regex', pattern: '\\p{Script=Han}+', caseSensitive: true },
    { kind: 'match', mode: 'exact', pattern: '(', caseSensitive: false },
    { kind: 'line-starts', starts: '新年快乐万事如意' },
    { kind: 'manual' },
  ])('accepts %j', (check) => {
    expect(suiteCheckSchema.parse(check)).toEqual(check);
  });

  it.each([
    ['no expected value', { kind: 'number', expected: [], tolerance: 0 }],
    ['eleven values', { kind: 'number', expected: Array(11).fill(1), tolerance: 0 }],
    ['a negative tolerance', { kind: 'number', expected: [1], tolerance: -0.1 }],
    ['an infinite value', { kind: 'number', expected: [Infinity], tolerance: 0 }],
    [
      'a pattern that does not compile',
      { kind: 'match', mode: 'regex', pattern: '(', caseSensitive: false },
    ],
    [
      'a pattern invalid in Unicode mode',
      { kind: 'match', mode: 'regex', pattern: '\\-', caseSensitive: false },
    ],
    [
      'a pattern of 501 characters',
      { kind: 'match', mode: 'exact', pattern: 'a'.repeat(501), caseSensitive: false },
    ],
    ['an empty pattern', { kind: 'match', mode: 'exact', pattern: '', caseSensitive: false }],
    ['an unknown mode', { kind: 'match', mode: 'glob', pattern: 'a*', caseSensitive: false }],
    ['blank acrostic characters', { kind: 'line-starts', starts: ' \u3000' }],
    ['an unknown kind', { kind: 'script', source: 'return true' }],
  ])('rejects %s', (_, check) => {
    expect(suiteCheckSchema.safeParse(check).success).toBe(false);
  });

  it('accepts a pattern of exactly 500 characters', () => {
    const check = { kind: 'match', mode: 'regex', pattern: 'a'.repeat(500), caseSensitive: false };
    expect(suiteCheckSchema.safeParse(check).success).toBe(true);
  });
});
