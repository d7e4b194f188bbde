import { describe, expect, it } from 'vitest';
import { goJson, rfc3339Nano } from './go-json';
import { pythonJsonDumps } from './python-json';

describe('goJson', () => {
  it('escapes HTML characters and line separators as Go does', () => {
    expect(goJson({ content: '<think>a & b</think>\u2028é' })).toBe(
      '{"content":"\\u003cthink\\u003ea \\u0026 b\\u003c/think\\u003e\\u2028é"}',
    );
  });
});

describe('rfc3339Nano', () => {
  it('prints nanoseconds with trailing zeros trimmed', () => {
    const ms = Date.UTC(2026, 0, 2, 3, 4, 5, 120);
    expect(rfc3339Nano(ms)).toBe('2026-01-02T03:04:05.12Z');
    expect(rfc3339Nano(ms + 0.25)).toBe('2026-01-02T03:04:05.12025Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 2))).toBe('2026-01-02T00:00:00Z');
  });
});

describe('pythonJsonDumps', () => {
  it('uses Python separators and ASCII escapes', () => {
    expect(pythonJsonDumps({ error: { message: 'ü 🐔', code: 500, param: null } })).toBe(
      '{"error": {"message": "\\u00fc \\ud83d\\udc14", "code": 500, "param": null}}',
    );
  });
});
