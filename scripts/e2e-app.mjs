// The app as end-to-end tests see it: a fresh SQLite file and production mode. Backend URLs
// and the port come from playwright.config.ts.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { root, run } from './lib.mjs';

// One database per app under test (the accounts app runs beside the single-user one).
const database = process.env.E2E_DATABASE ?? 'data/e2e.db';
for (const suffix of ['', '-wal', '-shm', '-journal']) {
  rmSync(`${root}${database}${suffix}`, { force: true });
}
const env = { DATABASE_URL: `file:./${database}` };
run('node', ['scripts/db-migrate.mjs'], env);
const server = spawn(process.execPath, ['scripts/server.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ...env,
    HOST: '127.0.0.1',
    PORT: process.env.PORT ?? '3210',
    NEXT_TELEMETRY_DISABLED: '1',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
