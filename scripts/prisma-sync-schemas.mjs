#!/usr/bin/env node
// Writes prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma. A Prisma schema's
// provider is a literal, so each database needs its own file; the two differ only in provider
// and client output. `--check` exits 1 when the file on disk is stale (for CI).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const source = new URL('../prisma/sqlite/schema.prisma', import.meta.url);
const target = new URL('../prisma/postgresql/schema.prisma', import.meta.url);

const HEADER = `// GENERATED from prisma/sqlite/schema.prisma by scripts/prisma-sync-schemas.mjs: do not edit.
// Change the SQLite schema, then run \`node scripts/prisma-sync-schemas.mjs\`.
`;

function replaceOnce(text, from, to) {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`Expected exactly one ${from} in ${source.pathname}`);
  return parts.join(to);
}

function postgresqlSchema() {
  // The source's own leading comment describes the source, so it is replaced by HEADER.
  const body = readFileSync(source, 'utf8').replace(/^(\/\/.*\n)+\n*/, '');
  const withOutput = replaceOnce(
    body,
    'output   = "../../lib/db/generated/sqlite"',
    'output   = "../../lib/db/generated/postgresql"',
  );
  return `${HEADER}\n${replaceOnce(withOutput, 'provider = "sqlite"', 'provider = "postgresql"')}`;
}

const expected = postgresqlSchema();
if (process.argv.includes('--check')) {
  if (!existsSync(target) || readFileSync(target, 'utf8') !== expected) {
    console.error(
      'prisma/postgresql/schema.prisma is out of date: run node scripts/prisma-sync-schemas.mjs',
    );
    process.exit(1);
  }
} else {
  writeFileSync(target, expected);
}
