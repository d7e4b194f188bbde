// Runs the project's own Prisma CLI from the repo root, where it finds prisma.config.ts (which
// points it at the WebAssembly schema engine), with its network update checks turned off.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const cli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('prisma/package.json')),
  'build/index.js',
);

/** Runs `prisma …args`; when it fails, this process exits with Prisma's status. */
export function prisma(args, env = {}) {
  const { status } = spawnSync(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...env },
  });
  if (status !== 0) process.exit(status ?? 1);
}
