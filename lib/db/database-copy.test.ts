/**
 * `npm run db:copy` moves a populated SQLite instance to PostgreSQL whole: every table (the
 * catalog's, so tables added later are covered), every value, row for row. The source is filled
 * through the app's own functions, then a raw row goes into each table they left empty. Needs a
 * PostgreSQL server (TEST_DATABASE_URL): the target is a fresh database on it, dropped afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CopyTable, copyDatabase, copyOrder, delegateOf, openDatabase } from './database-copy';
import { Prisma, type PrismaClient } from './generated/sqlite/client';

process.env.VERSUS_AUTH = 'accounts';

const server = process.env.TEST_DATABASE_URL;
// Only where the test runs: a skipped describe never reaches its afterAll to delete it.
const tempDir = server ? mkdtempSync(path.join(tmpdir(), 'versus-copy-')) : '';
const from = `file:${path.join(tempDir, 'source.db')}`;
const targetName = `copy_${Date.now().toString(36)}`;
const to = server ? Object.assign(new URL(server), { pathname: `/${targetName}` }).toString() : '';

/** Runs SQL on the PostgreSQL server's default database (creating and dropping the target). */
async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Users, accounts, backends, conversations with turns and messages, votes, shares, as the app writes them. */
async function populateThroughTheApp() {
  const fixtures = await import('@/test/export-fixtures');
  const { signUp } = await import('@/lib/auth/sign-up');
  const { createApiToken } = await import('@/lib/auth/api-tokens');
  const { createInvite } = await import('@/lib/auth/invites');
  const { setInstancePool } = await import('@/lib/battles/instance-pool');
  const { createShare, revokeShare } = await import('@/lib/shares/manage');
  const { voteOnShare } = await import('@/lib/shares/read-share');
  const { db } = await import('@/lib/db/client');

  await signUp({ name: 'Ada', email: 'ada@example.test', password: 'a long enough password' });
  await signUp({ name: 'Bob', email: 'bob@example.test', password: 'another long password' });
  const admin = await db.user.findFirstOrThrow({ where: { email: 'ada@example.test' } });
  await createApiToken({ userId: admin.id, name: 'scripts' });
  await createInvite({ createdBy: admin.id });
  const backends = await fixtures.exportBackends();
  const [first, second] = backends.map((backend) => backend.id);
  if (!first || !second) throw new Error('the fixtures made fewer than two backends');
  await setInstancePool([
    { backendId: first, model: 'deepseek-r1:7b' },
    { backendId: second, model: 'DeepSeek-R1-Distill-Qwen-32B' },
  ]);
  const voterId = 'voter-ada';
  const comparison = await fixtures.richComparison({
    ownerId: admin.id,
    voterId,
    backendIds: backends.map((backend) => backend.id),
  });
  const options = { showOwner: true, indexable: false, expiresInDays: 30 };
  const share = await createShare({
    conversationId: comparison.id,
    ownerId: admin.id,
    voterId,
    blind: false,
    ...options,
  });
  await revokeShare({ id: share.id, ownerId: admin.id });
  const battle = await fixtures.battle({
    ownerId: admin.id,
    voterId,
    backendIds: [first, second],
    models: ['deepseek-r1:7b', 'DeepSeek-R1-Distill-Qwen-32B'],
    outcome: null,
  });
  const challenge = await createShare({
    conversationId: battle.id,
    ownerId: admin.id,
    voterId,
    blind: true,
    ...options,
  });
  const { slug } = await db.share.findUniqueOrThrow({ where: { id: challenge.id } });
  await voteOnShare({ slug, voterId: 'recipient', outcome: 'a', latestTurns: 10 });
  await fixtures.battle({
    ownerId: admin.id,
    voterId,
    backendIds: [first, second],
    models: ['deepseek-r1:7b', 'DeepSeek-R1-Distill-Qwen-32B'],
    outcome: 'tie',
  });
  // More messages than one batch holds, so the copy reads and writes several.
  const { turnId, slotId } = await db.message.findFirstOrThrow({ orderBy: { id: 'asc' } });
  await db.message.createMany({
    data: Array.from({ length: 1_200 }, (_, n) => ({
      id: `bulk-${String(n).padStart(5, '0')}`,
      turnId,
      slotId,
      attempt: 100 + n,
      shown: false,
      status: 'done',
      content: `answer ${n} 答案 🐇`,
      tokensPerSecond: n / 7,
    })),
  });
  return db;
}

/** A value of an SQLite column's declared type, as Prisma's migrations declare them. */
function sampleValue(type: string): unknown {
  const values: Record<string, unknown> = {
    TEXT: 'raw 行',
    INTEGER: 7,
    // Past 2^53: a BigInt that went through a JavaScript number would come back changed.
    BIGINT: 2n ** 60n + 1n,
    REAL: 0.1 + 0.2,
    BOOLEAN: true,
    DATETIME: new Date(Date.UTC(2026, 0, 31, 23, 59, 58, 765)),
  };
  if (!(type in values)) throw new Error(`No sample value for the SQLite type ${type} yet.`);
  return values[type];
}

/**
 * One row, every column set, in each table the app's functions left empty; a table whose
 * referenced tables are still empty waits for a later pass.
 */
async function fillEmptyTables(db: PrismaClient) {
  const models: string[] = Object.values(Prisma.ModelName);
  for (let pass = 0; pass < models.length; pass += 1) {
    for (const model of models) {
      if ((await delegateOf(db, model).count()) > 0) continue;
      const columns = await db.$queryRawUnsafe<{ name: string; type: string }[]>(
        `SELECT name, type FROM pragma_table_info('${model}')`,
      );
      const foreignKeys = await db.$queryRawUnsafe<{ from: string; table: string; to: string }[]>(
        `SELECT "from", "table", "to" FROM pragma_foreign_key_list('${model}')`,
      );
      const values: unknown[] = [];
      for (const column of columns) {
        const key = foreignKeys.find((foreignKey) => foreignKey.from === column.name);
        if (!key) {
          values.push(sampleValue(column.type));
          continue;
        }
        const [row] = await db.$queryRawUnsafe<{ value: unknown }[]>(
          `SELECT "${key.to}" AS value FROM "${key.table}" LIMIT 1`,
        );
        values.push(row?.value);
      }
      if (values.includes(undefined)) continue;
      const names = columns.map((column) => `"${column.name}"`).join(', ');
      const marks = columns.map(() => '?').join(', ');
      await db.$executeRawUnsafe(`INSERT INTO "${model}" (${names}) VALUES (${marks})`, ...values);
    }
  }
}

/** Every row of every table, in key order. */
async function contents(db: PrismaClient, order: CopyTable[]) {
  const tables: Record<string, unknown[]> = {};
  for (const { model, primaryKey } of order) {
    tables[model] = await delegateOf(db, model).findMany({
      orderBy: primaryKey.map((column) => ({ [column]: 'asc' as const })),
      skip: 0,
      take: 1_000_000,
    });
  }
  return tables;
}

describe.skipIf(!server)('npm run db:copy (SQLite → PostgreSQL)', () => {
  let source: PrismaClient;

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${targetName}" OWNER versus`);
    const migrated = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], {
      env: { ...process.env, DATABASE_URL: from },
      encoding: 'utf8',
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    vi.stubEnv('DATABASE_URL', from);
    // Closed before the copy, as a user stops the app first.
    await (await populateThroughTheApp()).$disconnect();
    source = openDatabase(from);
    await fillEmptyTables(source);
    await source.$disconnect();
  }, 120_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    if (server) await onServer(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('copies every table row for row and value for value, and refuses to copy onto rows', async () => {
    // The documented command, as a user runs it: it migrates the empty target first.
    const copy = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['scripts/db-copy.ts', '--from', from, '--to', to],
      { encoding: 'utf8' },
    );
    expect(copy.status, copy.stderr).toBe(0);
    expect(copy.stdout).toMatch(/row counts match/);

    source = openDatabase(from);
    const target = openDatabase(to);
    try {
      const empty = [];
      for (const model of Object.values(Prisma.ModelName)) {
        if ((await delegateOf(source, model).count()) === 0) empty.push(model);
      }
      expect(empty).toEqual([]);
      const order = await copyOrder(target);
      const expected = await contents(source, order);
      expect(expected.Message?.length).toBeGreaterThan(1_200);
      expect(await contents(target, order)).toEqual(expected);

      // The target now holds rows: refused; with --replace, emptied and copied again.
      await expect(copyDatabase({ from, to })).rejects.toThrow(/already holds rows/);
      const copied = await copyDatabase({ from, to, replace: true });
      expect(Object.fromEntries(copied.map((table) => [table.model, table.rows]))).toEqual(
        Object.fromEntries(Object.entries(expected).map(([model, rows]) => [model, rows.length])),
      );
      expect(await contents(target, order)).toEqual(expected);
    } finally {
      await Promise.all([source.$disconnect(), target.$disconnect()]);
    }
  }, 180_000);
});
