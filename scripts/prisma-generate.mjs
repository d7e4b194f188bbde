#!/usr/bin/env node
// postinstall: generates the Prisma client for both databases (into lib/db/generated/, which is
// not committed), so the app can pick either at start-up. Offline: `prisma generate` only needs
// PRISMA_SCHEMA_ENGINE_BINARY to name an existing file, which prisma.config.ts sees to.

import { prisma } from './prisma-cli.mjs';

await import('./prisma-sync-schemas.mjs');
for (const provider of ['sqlite', 'postgresql']) {
  prisma(['generate', '--schema', `prisma/${provider}/schema.prisma`]);
}
