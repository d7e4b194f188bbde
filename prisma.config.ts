import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { databaseProvider, databaseUrl, sqliteFile } from './lib/db/database-url';

// Migrations run through a WebAssembly build of Prisma's schema engine, so nothing is downloaded
// (see scripts/prisma-schema-engine.mjs). A binary the user names themselves still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./scripts/prisma-schema-engine.mjs', import.meta.url),
);

// A schema's provider is a literal, so each database has its own schema and migrations folder;
// DATABASE_URL picks one.
const url = databaseUrl();
const provider = databaseProvider(url);
if (provider === 'sqlite') mkdirSync(path.dirname(sqliteFile(url)), { recursive: true });

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
