import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { config } from '@/lib/config';

const SECRET_FILE = join(process.cwd(), 'data', 'auth-secret');

/**
 * The key that signs session cookies: VERSUS_AUTH_SECRET, else a random one made on the first
 * start and kept in data/auth-secret (readable by the owner only), so sessions survive restarts.
 */
export function authSecret(): string {
  if (config.authSecret) return config.authSecret;
  try {
    return readFileSync(SECRET_FILE, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    mkdirSync(dirname(SECRET_FILE), { recursive: true });
    // 'wx': of two processes starting at once, one writes and the other reads it.
    try {
      writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return readFileSync(SECRET_FILE, 'utf8').trim();
    }
  }
}
