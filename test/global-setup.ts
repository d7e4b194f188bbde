/**
 * One migrated SQLite file for the whole Vitest run (or the PostgreSQL database named by
 * TEST_DATABASE_URL), short stream timeouts so stall faults resolve quickly, and the request
 * gate's Host check open to 127.0.0.1 on any port, as tests listen on random ones; single-user
 * mode unless a test file asks for accounts. Runs before
 * the workers start, which inherit this environment.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'versus-test-'));
  const env = {
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? `file:${join(dir, 'test.db')}`,
    VERSUS_FIRST_TOKEN_TIMEOUT_MS: '3000',
    VERSUS_IDLE_TIMEOUT_MS: '1000',
    VERSUS_CHECKPOINT_MS: '1000',
    VERSUS_ALLOWED_HOSTS: '127.0.0.1',
    // The gate's tests and the streaming routes' act as single-user mode's local user; the
    // accounts tests switch to accounts before they import anything (lib/auth/*.test.ts).
    VERSUS_AUTH: 'single-user',
    VERSUS_AUTH_SECRET: 'test-secret-of-at-least-thirty-two-characters',
    // Seals backend keys (lib/catalog/secret-box.ts): 32 bytes, in hex.
    VERSUS_SECRET_KEY: '7e57'.repeat(16),
  };
  Object.assign(process.env, env);
  execFileSync('node', ['scripts/db-migrate.mjs'], { stdio: 'inherit', env: process.env });
  return () => rmSync(dir, { recursive: true, force: true });
}
