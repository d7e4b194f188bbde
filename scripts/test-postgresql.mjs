// Vitest once more, on PostgreSQL: the SQL that only PostgreSQL runs (lib/db) is tested too.
// The server is Debian's postgresql-15 in a fresh cluster (scripts/pg-test-server.sh), stopped
// and deleted afterwards whatever happens. Its folder and port are new each run, never taken
// from PG_TEST_DIR / PG_TEST_PORT: another run, or a crashed run's leftover cluster, can
// neither collide with this one nor hand it an old database.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, pgTestServer, root } from './lib.mjs';

const env = {
  ...process.env,
  PG_TEST_DIR: mkdtempSync(join(tmpdir(), 'versus-pg-')),
  PG_TEST_PORT: String(await freePort()),
};
const server = (command) => pgTestServer(command, env);

// Ctrl-C or a CI timeout must not end this process before `finally` stops the server (which
// pg_ctl detaches from the terminal): the tests get the signal and end instead.
let tests;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => tests?.kill(signal));

/** Runs Vitest on the database at `url`; resolves to its exit status. */
function vitest(url) {
  // Vitest itself, not through npx, which dies of a signal without passing it on.
  tests = spawn(join(root, 'node_modules/.bin/vitest'), ['run'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, TEST_DATABASE_URL: url },
  });
  return new Promise((resolve) => {
    tests.once('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    tests.once('exit', (code) => resolve(code ?? 1));
  });
}

let status = 1;
try {
  const started = server('start');
  if (started.status === 0) {
    const url = started.stdout.trim();
    console.log(`\nVitest on PostgreSQL: a fresh cluster at ${url}`);
    status = await vitest(url);
    if (status !== 0) console.error(`\nVitest on PostgreSQL failed (exit ${status}).`);
  } else {
    console.error('Could not start the test PostgreSQL server (scripts/pg-test-server.sh).');
  }
} finally {
  if (server('stop').status !== 0) {
    console.error(`Could not stop the test PostgreSQL server in ${env.PG_TEST_DIR}.`);
    status = 1;
  }
}
process.exit(status);
