// `npm start`: installs what is missing, migrates the database, builds if the sources changed,
// then serves the app in production mode. SQLite under ./data by default: no other server.
import { spawn } from 'node:child_process';
import { ensureBuilt, ensureInstalled, loadDotEnv, root, run } from './lib.mjs';

loadDotEnv();
ensureInstalled();
run('node', ['scripts/db-migrate.mjs']);
ensureBuilt();

const server = spawn(process.execPath, ['scripts/server.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
