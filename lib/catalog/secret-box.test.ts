import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box';

const key = randomBytes(32);

describe('secret box', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const sealed = seal('sk-live-1234567890', key);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('sk-live');
    expect(seal('sk-live-1234567890', key)).not.toBe(sealed);
    expect(open(sealed, key)).toBe('sk-live-1234567890');
    expect(open(seal('ключ 🔑', key), key)).toBe('ключ 🔑');
  });

  it('refuses another key and a changed byte', () => {
    const sealed = seal('sk-live-1234567890', key);
    expect(() => open(sealed, randomBytes(32))).toThrow(/not the key it was saved with/);
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(() => open(`v1:${bytes.toString('base64')}`, key)).toThrow(/cannot be decrypted/);
    expect(() => open('sk-plain-text', key)).toThrow(/not in a form Versus can read/);
  });

  it('refuses to seal without a key, and says how to make one', () => {
    expect(() => seal('sk-x', null)).toThrow(
      /VERSUS_SECRET_KEY is not set: make one with `openssl rand -base64 32`/,
    );
  });
});
