// `npm test`: every test — unit and integration (Vitest, real SQLite, fake backends on
// loopback), then end-to-end (Playwright in Debian's Chromium against the production build).
import { existsSync } from 'node:fs';
import { ensureBuilt, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
if (!existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() !== 0) {
    console.error('End-to-end tests need Debian Chromium: sudo apt-get install -y chromium');
    process.exit(1);
  }
  console.log('Installing Debian Chromium for the end-to-end tests…');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'chromium']);
}
run('npx', ['vitest', 'run']);
ensureBuilt();
run('npx', ['playwright', 'test']);
