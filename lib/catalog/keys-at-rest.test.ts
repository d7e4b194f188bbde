import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackendSchema, updateBackendSchema } from '@/lib/api/inputs';
import { db } from '@/lib/db/client';
import { databaseUrl, isSqlite, sqliteFile } from '@/lib/db/database-url';
import { getLocalUser } from '@/lib/users';
import { createBackend, removeBackend, updateBackend } from './manage-backends';

// Distinctive, so that a match anywhere in the database is this test's key and nothing else.
const KEY = 'sk-at-rest-5f3a9c1e7b2d4086';
const ROTATED = 'sk-at-rest-rotated-a1b2c3d4e5';
const HEADER = 'Bearer hdr-at-rest-77e1c0de';
const SECRETS = [KEY, ROTATED, HEADER];

let actorId = '';
const made: string[] = [];

beforeAll(async () => {
  actorId = (await getLocalUser()).id;
});
afterAll(async () => {
  for (const id of made) await db.backend.deleteMany({ where: { id } });
});

/** Everything the database holds, as bytes: the SQLite file and its write-ahead log. */
function sqliteBytes(): string {
  const file = sqliteFile(databaseUrl());
  const parts = [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path));
  return Buffer.concat(parts).toString('latin1');
}

/** Every row of the tables that could hold one, as PostgreSQL's text of the whole row. */
async function postgresqlText(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ row: string }[]>(
    `SELECT b::text AS "row" FROM "Backend" b UNION ALL SELECT a::text FROM "BackendAudit" a`,
  );
  return rows.map((row) => row.row).join('\n');
}

it('stores no API key or header in clear: the database alone reveals none', async () => {
  for (const kind of ['openai', 'deepseek'] as const) {
    const backend = await createBackend({
      input: createBackendSchema.parse({
        kind,
        label: `at rest ${kind}`,
        baseUrl: 'http://127.0.0.1:9/v1',
        apiKey: KEY,
        headers: { Authorization: HEADER },
      }),
      actorId,
    });
    made.push(backend.id);
    await updateBackend({
      id: backend.id,
      input: updateBackendSchema.parse({ apiKey: ROTATED, label: `at rest ${kind} (2)` }),
      actorId,
    });
  }
  await removeBackend({ id: made[1] ?? '', actorId });
  const kept = await db.backend.findUniqueOrThrow({ where: { id: made[0] } });
  expect(kept.apiKey).toMatch(/^v1:/);
  expect(kept.headers).toMatch(/^v1:/);

  if (isSqlite()) {
    // The rows are there: the search below would find their labels.
    const bytes = sqliteBytes();
    expect(bytes).toContain('at rest openai (2)');
    for (const secret of SECRETS) expect(bytes).not.toContain(secret);
  } else {
    const text = await postgresqlText();
    expect(text).toContain('at rest openai (2)');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  }
});
