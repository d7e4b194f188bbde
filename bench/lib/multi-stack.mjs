// Scenario 10's system under test: Debian's PostgreSQL in a fresh cluster, two instances of the
// production app on it, and Debian's nginx in front of them with deploy/nginx.conf (as CI's
// multi-instance tests run it: scripts/test-multi-instance.mjs), all on 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, pgTestServer, run } from '../../scripts/lib.mjs';
import { startNginx } from '../../scripts/nginx.mjs';
import { portInUse, startGroup, waitForOk } from './stack.mjs';

const HOST = '127.0.0.1';
/** Beside the single app's 3310 (lib/stack.mjs). */
export const MULTI_PORTS = { instances: [3311, 3312], nginx: 3330 };

/**
 * @param {{ ollama: string, openai: string, deepseek: string }} fakeUrls
 */
export async function startMultiInstance(fakeUrls) {
  for (const port of [...MULTI_PORTS.instances, MULTI_PORTS.nginx]) {
    if (await portInUse(port)) throw new Error(`port ${port} is in use`);
  }
  const pgEnv = {
    ...process.env,
    PG_TEST_DIR: mkdtempSync(join(tmpdir(), 'versus-bench-pg-')),
    PG_TEST_PORT: String(await freePort()),
  };
  const nginxDir = mkdtempSync(join(tmpdir(), 'versus-bench-nginx-'));
  /** @type {Array<{ stop: () => Promise<void> }>} */
  const parts = [];
  const stop = async () => {
    for (const part of parts.reverse()) await part.stop();
    pgTestServer('stop', pgEnv);
    rmSync(nginxDir, { recursive: true, force: true });
  };
  try {
    const started = pgTestServer('start', pgEnv);
    if (started.status !== 0) throw new Error('could not start PostgreSQL');
    const databaseUrl = started.stdout.trim();
    const postgresPid = Number(
      readFileSync(join(pgEnv.PG_TEST_DIR, 'data/postmaster.pid'), 'utf8').split('\n')[0],
    );
    run('node', ['scripts/db-migrate.mjs'], { DATABASE_URL: databaseUrl });
    const instances = MULTI_PORTS.instances.map((port, index) => {
      const group = startGroup(`instance-${index + 1}`, ['scripts/server.mjs'], {
        DATABASE_URL: databaseUrl,
        OLLAMA_BASE_URL: fakeUrls.ollama,
        OPENAI_API_BASE_URL: fakeUrls.openai,
        DEEPSEEK_BASE_URL: fakeUrls.deepseek,
        DEEPSEEK_API_KEY: 'sk-bench',
        // The bench's clients do not sign in; loopback only, as single-user mode requires.
        VERSUS_AUTH: 'single-user',
        VERSUS_AUTH_SECRET: 'bench-secret-shared-by-both-instances-0123456789',
        VERSUS_ALLOWED_HOSTS: `${HOST}:${MULTI_PORTS.nginx}`,
        HOST,
        PORT: String(port),
      });
      parts.push(group);
      return { ...group, url: `http://${HOST}:${port}` };
    });
    // Also fills each instance's model cache, as a user opening the page would.
    await Promise.all(
      instances.map((instance) =>
        waitForOk(`${instance.url}/api/backends`, 120_000, instance.exited),
      ),
    );
    const nginx = startNginx({
      dir: nginxDir,
      port: MULTI_PORTS.nginx,
      upstreams: MULTI_PORTS.instances.map((port) => `${HOST}:${port}`),
    });
    const nginxExited = new Promise((resolve) => nginx.once('exit', resolve));
    parts.push({
      async stop() {
        if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill('SIGQUIT');
        await nginxExited;
      },
    });
    const url = `http://${HOST}:${MULTI_PORTS.nginx}`;
    await waitForOk(`${url}/api/backends`, 15_000, nginxExited);
    return {
      url,
      instancePids: instances.map((instance) => instance.pid),
      nginxPid: /** @type {number} */ (nginx.pid),
      postgresPid,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
