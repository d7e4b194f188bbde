// The multi-instance end-to-end tests (e2e/multi-instance): Debian's PostgreSQL in a fresh
// cluster, the fake backends, two production instances of the built app on it (same
// DATABASE_URL, same VERSUS_AUTH_SECRET), and Debian's nginx in front (deploy/nginx.conf,
// round-robin, no sticky sessions), all on 127.0.0.1 ports the OS picks. Playwright then runs
// through nginx; everything is stopped and deleted afterwards, whatever happens.
//
// The tests find the stack in the JSON file named by VERSUS_MULTI_STATE. They may kill an
// instance; SIGUSR2 to this process starts the dead ones again. Arguments go to Playwright.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freePort, pgTestServer, root, run } from './lib.mjs';
import { startNginx } from './nginx.mjs';

const HOST = '127.0.0.1';
// Logs and the state file; PostgreSQL's and nginx's folders apart, since their server users
// (postgres, nobody) must get into them.
const dir = mkdtempSync(join(tmpdir(), 'versus-multi-'));
const nginxDir = mkdtempSync(join(tmpdir(), 'versus-nginx-'));
const pgEnv = {
  ...process.env,
  PG_TEST_DIR: mkdtempSync(join(tmpdir(), 'versus-pg-')),
  PG_TEST_PORT: String(await freePort()),
};

/** @type {Map<string, import('node:child_process').ChildProcess>} */
const children = new Map();
let stopping = false;

/** Starts a process with its output in a log file of its own. */
function start(name, command, args, env = {}) {
  const log = createWriteStream(join(dir, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.set(name, child);
  return child;
}

/** Resolves once `url` answers 200; fails when the process ends or after `timeoutMs`. */
async function ready(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 (see the logs below)`);
}

/** Sends `signal`, then SIGKILL if the process has not ended within `graceMs`. */
async function stop(child, signal = 'SIGTERM', graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

const ports = {
  nginx: await freePort(),
  instances: [await freePort(), await freePort()],
  fakes: { ollama: await freePort(), openai: await freePort(), deepseek: await freePort() },
};
const fakeUrls = {
  ollama: `http://${HOST}:${ports.fakes.ollama}`,
  openai: `http://${HOST}:${ports.fakes.openai}`,
  deepseek: `http://${HOST}:${ports.fakes.deepseek}`,
};
const stateFile = join(dir, 'state.json');
/** @type {Record<string, string>} */
let appEnv = {};

/** Starts instance `index` (0 or 1) and waits until it serves pages. */
async function startInstance(index) {
  const port = ports.instances[index];
  const child = start(`instance-${index + 1}`, process.execPath, ['scripts/server.mjs'], {
    ...appEnv,
    PORT: String(port),
  });
  await ready(`http://${HOST}:${port}/sign-in`, child, 120_000);
}

function writeState() {
  const state = {
    harnessPid: process.pid,
    nginxUrl: `http://${HOST}:${ports.nginx}`,
    instances: ports.instances.map((port, index) => ({
      url: `http://${HOST}:${port}`,
      upstream: `${HOST}:${port}`,
      pid: children.get(`instance-${index + 1}`)?.pid ?? null,
    })),
    fakes: fakeUrls,
  };
  // Whole or not at all: a test may read it while a restarted instance is written in.
  writeFileSync(`${stateFile}.new`, JSON.stringify(state, null, 2));
  renameSync(`${stateFile}.new`, stateFile);
}

/** SIGUSR2 from a test that killed an instance: start the dead ones again. */
let restarting = Promise.resolve();
process.on('SIGUSR2', () => {
  restarting = restarting.then(async () => {
    for (const [index] of ports.instances.entries()) {
      const child = children.get(`instance-${index + 1}`);
      if (stopping || !child || (child.exitCode === null && child.signalCode === null)) continue;
      await startInstance(index).catch((error) => console.error(error.message));
      writeState();
    }
  });
});

let tests;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    tests?.kill(signal);
  });
}

let status = 1;
try {
  ensureBuilt();
  const pg = pgTestServer('start', pgEnv);
  if (pg.status !== 0) throw new Error('Could not start PostgreSQL (scripts/pg-test-server.sh).');
  const databaseUrl = pg.stdout.trim();
  run('node', ['scripts/db-migrate.mjs'], { DATABASE_URL: databaseUrl });

  const fakes = start('fakes', process.execPath, ['--import', 'tsx', 'fake-backends/main.ts'], {
    FAKE_OLLAMA_PORT: String(ports.fakes.ollama),
    FAKE_OPENAI_PORT: String(ports.fakes.openai),
    FAKE_DEEPSEEK_PORT: String(ports.fakes.deepseek),
  });
  await ready(`${fakeUrls.ollama}/__fake/models`, fakes, 30_000);

  appEnv = {
    DATABASE_URL: databaseUrl,
    // One secret for every instance: a session signed by one is valid on the other.
    VERSUS_AUTH_SECRET: randomBytes(32).toString('base64url'),
    VERSUS_AUTH: 'accounts',
    HOST,
    // The address browsers use: nginx's, which passes their Host on.
    VERSUS_ALLOWED_HOSTS: `${HOST}:${ports.nginx}`,
    // nginx, on loopback: its X-Forwarded-For names the client.
    VERSUS_TRUSTED_PROXIES: HOST,
    OLLAMA_BASE_URL: fakeUrls.ollama,
    OPENAI_API_BASE_URL: `${fakeUrls.openai}/v1`,
    DEEPSEEK_BASE_URL: fakeUrls.deepseek,
    DEEPSEEK_API_KEY: 'sk-e2e',
  };
  // Both at once, as a compose file starts them.
  await Promise.all(ports.instances.map((_, index) => startInstance(index)));

  const nginx = startNginx({
    dir: nginxDir,
    port: ports.nginx,
    upstreams: ports.instances.map((port) => `${HOST}:${port}`),
  });
  children.set('nginx', nginx);
  await ready(`http://${HOST}:${ports.nginx}/sign-in`, nginx, 15_000);
  writeState();

  if (!stopping) {
    tests = spawn(
      join(root, 'node_modules/.bin/playwright'),
      ['test', '--config', 'e2e/multi-instance/playwright.config.ts', ...process.argv.slice(2)],
      { cwd: root, stdio: 'inherit', env: { ...process.env, VERSUS_MULTI_STATE: stateFile } },
    );
    status = await new Promise((resolve) => {
      tests.once('error', () => resolve(1));
      tests.once('exit', (code) => resolve(code ?? 1));
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  stopping = true;
  await restarting;
  const nginx = children.get('nginx');
  if (nginx) await stop(nginx, 'SIGQUIT');
  await Promise.all([...children.values()].map((child) => stop(child)));
  if (status !== 0) {
    for (const name of children.keys()) {
      const log = readFileSync(join(dir, `${name}.log`), { encoding: 'utf8', flag: 'a+' });
      console.error(`\n--- ${name}.log (last lines) ---\n${log.split('\n').slice(-40).join('\n')}`);
    }
  }
  if (pgTestServer('stop', pgEnv).status !== 0) {
    console.error(`Could not stop the test PostgreSQL server in ${pgEnv.PG_TEST_DIR}.`);
    status = 1;
  }
  for (const folder of [dir, nginxDir]) rmSync(folder, { recursive: true, force: true });
}
process.exit(status);
