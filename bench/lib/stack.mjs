// The system under test: the fake backends in their own process, and the production app on a
// fresh SQLite file. Each runs in its own process group, so stopping it ends its whole tree.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { root, run } from '../../scripts/lib.mjs';
import { request } from './http.mjs';
import { sleep } from './stats.mjs';

// Apart from the e2e ports (playwright.config.ts) and the defaults, so runs can coexist.
export const PORTS = { ollama: 11735, openai: 8500, deepseek: 8600, app: 3310, relay: 3320 };
const HOST = '127.0.0.1';
export const DATABASE_FILE = join(root, 'data/bench.db');
const logDir = join(root, 'bench/results');

/** @param {number} port */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @param {string} name
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
export function startGroup(name, args, env) {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log.tmp`));
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: /** @type {number} */ (child.pid),
    exited,
    /** Ends the whole process group; SIGKILL if it has not gone within 5 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const kill = (/** @type {NodeJS.Signals} */ signal) => {
        try {
          process.kill(-(/** @type {number} */ (child.pid)), signal);
        } catch {
          // Already gone.
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL');
    },
  };
}

/**
 * @param {string} url
 * @param {number} timeoutMs
 * @param {Promise<unknown>} exited
 */
export async function waitForOk(url, timeoutMs, exited) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    const res = await request(url, { timeoutMs: 5_000 }).catch(() => null);
    if (res?.status === 200) return;
    await sleep(200);
  }
  throw new Error(
    `${url} did not answer 200 (${gone ? 'process exited' : 'timeout'}); see bench/results/*.log.tmp`,
  );
}

export async function startFakes() {
  for (const kind of /** @type {const} */ (['ollama', 'openai', 'deepseek'])) {
    if (await portInUse(PORTS[kind])) throw new Error(`port ${PORTS[kind]} is in use`);
  }
  const group = startGroup('fakes', ['--import', 'tsx', 'fake-backends/main.ts'], {
    FAKE_OLLAMA_PORT: String(PORTS.ollama),
    FAKE_OPENAI_PORT: String(PORTS.openai),
    FAKE_DEEPSEEK_PORT: String(PORTS.deepseek),
  });
  const urls = {
    ollama: `http://${HOST}:${PORTS.ollama}`,
    openai: `http://${HOST}:${PORTS.openai}/v1`,
    deepseek: `http://${HOST}:${PORTS.deepseek}`,
  };
  await waitForOk(`${urls.ollama}/__fake/models`, 30_000, group.exited).catch(async (error) => {
    await group.stop();
    throw error;
  });
  return { ...group, urls };
}

/**
 * Migrates a fresh database and serves the built app with scripts/server.mjs, as `npm start` does.
 * @param {{ ollama: string, openai: string, deepseek: string }} fakeUrls
 */
export async function startApp(fakeUrls) {
  if (await portInUse(PORTS.app)) throw new Error(`port ${PORTS.app} is in use`);
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
  const env = {
    DATABASE_URL: `file:${DATABASE_FILE}`,
    OLLAMA_BASE_URL: fakeUrls.ollama,
    OPENAI_API_BASE_URL: fakeUrls.openai,
    DEEPSEEK_BASE_URL: fakeUrls.deepseek,
    DEEPSEEK_API_KEY: 'sk-bench',
    // The bench's clients do not sign in: the local user of single-user mode.
    VERSUS_AUTH: 'single-user',
    HOST,
    PORT: String(PORTS.app),
  };
  run('node', ['scripts/db-migrate.mjs'], env);
  // BENCH_APP_NODE_FLAGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to see where time goes.
  const flags = process.env.BENCH_APP_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const group = startGroup('app', [...flags, 'scripts/server.mjs'], env);
  const url = `http://${HOST}:${PORTS.app}`;
  // Also fills the app's model cache, as a user opening the page would.
  await waitForOk(`${url}/api/backends`, 60_000, group.exited).catch(async (error) => {
    await group.stop();
    throw error;
  });
  return { ...group, url };
}

/**
 * A reference relay (lib/reference-relay.mjs) in front of the fake's OpenAI endpoint.
 * @param {'node' | 'openai'} kind
 * @param {string} openaiUrl the fake's base URL ending in /v1
 */
export async function startReferenceRelay(kind, openaiUrl) {
  if (await portInUse(PORTS.relay)) throw new Error(`port ${PORTS.relay} is in use`);
  const group = startGroup(`relay-${kind}`, ['bench/lib/reference-relay.mjs', kind], {
    PORT: String(PORTS.relay),
    UPSTREAM: openaiUrl,
  });
  const url = `http://${HOST}:${PORTS.relay}`;
  await waitForOk(`${url}/health`, 30_000, group.exited).catch(async (error) => {
    await group.stop();
    throw error;
  });
  return { ...group, url };
}
