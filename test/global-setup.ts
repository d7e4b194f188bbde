/**
 * One migrated SQLite file for the whole Vitest run (or the PostgreSQL database named by
 * TEST_DATABASE_URL), short stream timeouts so stall faults resolve quickly, and the request
 * gate's Host check open to 127.0.0.1 on any port, as tests listen on random ones. Runs before
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
  };
  Object.assign(process.env, env);
  execFileSync('node', ['scripts/db-migrate.mjs'], { stdio: 'inherit', env: process.env });
  return () => rmSync(dir, { recursive: true, force: true });
}
