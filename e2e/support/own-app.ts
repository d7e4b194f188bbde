import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect } from '@playwright/test';
import { E2E } from '../ports';

/**
 * A second app process with a database of its own, for specs that stop and start it while the
 * shared app the other specs use keeps running.
 */
export function ownApp({ portOffset, database }: { portOffset: number; database: string }) {
  const port = E2E.ports.app + portOffset;
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `file:./${database}`,
    HOST: '127.0.0.1',
    PORT: String(port),
    VERSUS_AUTH: 'single-user',
    OPENAI_API_BASE_URL: `${E2E.fakeUrl('openai')}/v1`,
    OLLAMA_BASE_URL: E2E.fakeUrl('ollama'),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  return {
    base,
    removeDatabase() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) {
        rmSync(`${database}${suffix}`, { force: true });
      }
    },
    /** Starts the app on the database as it is (migrated first); resolves once it answers. */
    async start(): Promise<ChildProcess> {
      execFileSync('node', ['scripts/db-migrate.mjs'], { env, stdio: 'ignore' });
      const app = spawn(process.execPath, ['scripts/server.mjs'], { env, stdio: 'inherit' });
      await expect
        .poll(
          () =>
            fetch(`${base}/api/backends`).then(
              (r) => r.status,
              () => 0,
            ),
          { timeout: 60_000 },
        )
        .toBe(200);
      return app;
    },
  };
}
