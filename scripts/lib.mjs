// Helpers shared by the start and test scripts. Plain Node: they run before dependencies exist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Runs a command in the project root, inheriting stdio; exits the process when it fails. */
export function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) {
    console.error(
      `\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

/** Loads .env into process.env (without overriding), as Next.js does for the app itself. */
export function loadDotEnv() {
  const file = join(root, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (npm install)…');
  // Incremental, and the lock is complete, so it installs the locked versions and leaves the
  // lock as it is.
  run('npm', ['install', '--no-audit', '--no-fund'], { npm_config_nodedir: '/usr' });
}

const SOURCE_DIRS = ['app', 'components', 'lib', 'public', 'prisma'];
const SOURCE_FILES = [
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'instrumentation.ts',
];

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') yield* walk(path);
    } else if (!entry.name.endsWith('.test.ts')) {
      yield path;
    }
  }
}

/** A hash of everything that goes into the production build, to rebuild only when it changed. */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => [...walk(join(root, dir))]),
    ...SOURCE_FILES.map((file) => join(root, file)).filter(existsSync),
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** Builds the app for production unless the last build was made from the same sources. */
export function ensureBuilt() {
  const stamp = join(root, '.next/versus-source-hash');
  const fingerprint = sourceFingerprint();
  if (existsSync(join(root, '.next/BUILD_ID')) && existsSync(stamp)) {
    if (readFileSync(stamp, 'utf8') === fingerprint) return;
  }
  console.log('Building the app (next build)…');
  run('npx', ['next', 'build']);
  writeFileSync(stamp, fingerprint);
}

/** A loopback port that nothing listens on, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs scripts/pg-test-server.sh `command` (start, stop) on the cluster that `env` names
 * (PG_TEST_DIR, PG_TEST_PORT); `start` prints the cluster's DATABASE_URL on stdout.
 */
export function pgTestServer(command, env) {
  return spawnSync('scripts/pg-test-server.sh', [command], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
