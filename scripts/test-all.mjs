// `npm test`: every test — unit and integration (Vitest, fake backends on loopback) on SQLite
// and again on PostgreSQL, then end-to-end (Playwright in Debian's Chromium against the
// production build), then the same build as two instances on PostgreSQL behind nginx. Cheapest
// first: both Vitest runs take about a minute each, the build and the end-to-end tests several.
import { existsSync } from 'node:fs';
import { ensureBuilt, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
// Debian packages the tests run: [a file it installs, package, what needs it].
const missing = [
  ['/usr/bin/chromium', 'chromium', 'the end-to-end tests'],
  ['/usr/lib/postgresql/15/bin/initdb', 'postgresql-15', 'Vitest on PostgreSQL'],
  ['/usr/sbin/nginx', 'nginx', 'the multi-instance tests'],
].filter(([file]) => !existsSync(file));
if (missing.length > 0) {
  const packages = missing.map(([, name]) => name);
  if (process.getuid?.() !== 0) {
    for (const [, name, user] of missing) console.error(`${name} is missing (for ${user}).`);
    console.error(`Install: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' and ')} (Debian) for the tests…`);
  run('apt-get', ['update', '-qq']);
  // postgresql-15 pulls in tzdata, which would otherwise ask for a time zone.
  run('apt-get', ['install', '-y', '-qq', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
}
// The SQLite run (Vitest labels each test `sqlite`): a TEST_DATABASE_URL left in the shell must
// not make it a second PostgreSQL run.
run('npx', ['vitest', 'run'], { TEST_DATABASE_URL: undefined });
run('node', ['scripts/test-postgresql.mjs']);
ensureBuilt();
run('npx', ['playwright', 'test']);
// Two instances on PostgreSQL behind nginx, with the same build (scripts/test-multi-instance.mjs).
run('node', ['scripts/test-multi-instance.mjs']);
