// Copies every model of one Versus database into a PostgreSQL one (scripts/db-copy.ts): the move
// from SQLite to PostgreSQL. Not bundled into the app, so no `server-only` (the CLI runs it under
// tsx, where that import throws).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { z } from 'zod';
import { databaseProvider, sqliteFile } from './database-url';
import { PrismaClient as PostgresqlClient } from './generated/postgresql/client';
import { Prisma, PrismaClient as SqliteClient } from './generated/sqlite/client';

type Row = Record<string, unknown>;

/** What the copy needs of a model's delegate: every generated delegate has these methods. */
interface ModelDelegate {
  count(): Promise<number>;
  findMany(args: {
    orderBy: Record<string, 'asc'>[];
    take: number;
    skip?: number;
    where?: Record<string, unknown>;
  }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  deleteMany(): Promise<{ count: number }>;
}

/** One model as the copy moves it: its key (for a stable read order) and the tables it needs. */
export interface CopyTable {
  model: string;
  primaryKey: string[];
  references: string[];
}

export interface CopiedTable {
  model: string;
  rows: number;
}

/**
 * Rows per read and per insert. PostgreSQL takes at most 65,535 bound values per statement, so
 * 500 rows leave room for 130 columns (Message, the widest table, has 31).
 */
const BATCH_ROWS = 500;

/** A long copy is still one transaction: a day, rather than Prisma's 5-second default. */
const TRANSACTION_TIMEOUT_MS = 24 * 60 * 60_000;

/** A client for either database; the two generated clients have the same models and methods. */
export function openDatabase(url: string): SqliteClient {
  if (databaseProvider(url) === 'sqlite') {
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFile(url) }) });
  }
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const client = new PostgresqlClient({
    adapter: new PrismaPg({ connectionString: url }, { schema }),
  });
  return client as unknown as SqliteClient;
}

/** `BattlePoolEntry` → `battlePoolEntry`: the name of a model's delegate on a client. */
export function delegateOf(client: object, model: string): ModelDelegate {
  const key = model.charAt(0).toLowerCase() + model.slice(1);
  const delegate = (client as Record<string, unknown>)[key];
  if (typeof delegate !== 'object' || delegate === null || !('createMany' in delegate)) {
    throw new Error(`The Prisma client has no model ${model}.`);
  }
  return delegate as ModelDelegate;
}

const catalogRows = z.array(
  z.object({ table: z.string(), primaryKey: z.array(z.string()), references: z.array(z.string()) }),
);

/**
 * Every model in the order its rows can be inserted (a table after the tables it references),
 * read from the migrated target's catalog rather than a hand-kept list, so models added later
 * copy too. Fails when the database and this code's schema disagree on the tables.
 */
export async function copyOrder(target: SqliteClient): Promise<CopyTable[]> {
  const rows = catalogRows.parse(
    await target.$queryRaw`
      SELECT c.relname::text AS "table",
        ARRAY(
          SELECT a.attname::text
          FROM pg_constraint p
          CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
          WHERE p.conrelid = c.oid AND p.contype = 'p'
          ORDER BY k.n
        ) AS "primaryKey",
        ARRAY(
          SELECT DISTINCT f.relname::text
          FROM pg_constraint p JOIN pg_class f ON f.oid = p.confrelid
          WHERE p.conrelid = c.oid AND p.contype = 'f' AND p.confrelid <> c.oid
        ) AS "references"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname <> '_prisma_migrations'`,
  );
  const models: string[] = Object.values(Prisma.ModelName);
  const tables = new Map(rows.map((row) => [row.table, row]));
  const unknown = rows.filter((row) => !models.includes(row.table)).map((row) => row.table);
  const missing = models.filter((model) => !tables.has(model));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `The target's tables do not match this version's models (no model for: ${unknown.join(', ') || 'none'}; no table for: ${missing.join(', ') || 'none'}).`,
    );
  }
  const ordered: CopyTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < models.length) {
    const ready = models.filter(
      (model) =>
        !placed.has(model) && tables.get(model)?.references.every((table) => placed.has(table)),
    );
    if (ready.length === 0) throw new Error('The tables reference each other in a cycle.');
    for (const model of ready) {
      const { primaryKey, references } = tables.get(model) ?? { primaryKey: [], references: [] };
      ordered.push({ model, primaryKey, references });
      placed.add(model);
    }
  }
  return ordered;
}

/**
 * Every row of a table, in key order, a batch at a time. A single-column key pages by the last
 * key read (each batch an index seek, however far into a large table); a composite key, by
 * offset.
 */
async function* batchesOf(source: SqliteClient, table: CopyTable): AsyncGenerator<Row[]> {
  const orderBy = table.primaryKey.map((column) => ({ [column]: 'asc' as const }));
  const [key] = table.primaryKey;
  const byKey = table.primaryKey.length === 1 && key !== undefined;
  let after: unknown;
  for (let skip = 0; ; skip += BATCH_ROWS) {
    const rows = await delegateOf(source, table.model).findMany({
      orderBy,
      take: BATCH_ROWS,
      ...(byKey ? { where: after === undefined ? {} : { [key]: { gt: after } } } : { skip }),
    });
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH_ROWS) return;
    if (byKey) after = rows.at(-1)?.[key];
  }
}

/**
 * Copies every row of every model from `from` (SQLite or PostgreSQL) into `to` (PostgreSQL, already
 * migrated to this version), keeping ids, timestamps and every other value as they are. All in
 * one transaction: a copy that fails leaves the target as it was. A target that holds rows is
 * refused unless `replace`, which empties it first. Row counts are checked before the commit.
 */
export async function copyDatabase({
  from,
  to,
  replace = false,
  onTable,
}: {
  from: string;
  to: string;
  replace?: boolean;
  onTable?: (copied: CopiedTable) => void;
}): Promise<CopiedTable[]> {
  if (databaseProvider(to) !== 'postgresql') {
    throw new Error('The target must be a PostgreSQL database (postgresql://…).');
  }
  const source = openDatabase(from);
  const target = openDatabase(to);
  try {
    const order = await copyOrder(target);
    return await target.$transaction(
      async (tx) => {
        const filled: string[] = [];
        for (const { model } of order) {
          if ((await delegateOf(tx, model).count()) > 0) filled.push(model);
        }
        if (filled.length > 0 && !replace) {
          throw new Error(
            `The target already holds rows (${filled.join(', ')}); pass --replace to empty it first.`,
          );
        }
        for (const { model } of order.toReversed()) await delegateOf(tx, model).deleteMany();
        const copied: CopiedTable[] = [];
        for (const table of order) {
          let rows = 0;
          for await (const batch of batchesOf(source, table)) {
            rows += (await delegateOf(tx, table.model).createMany({ data: batch })).count;
          }
          const expected = await delegateOf(source, table.model).count();
          const landed = await delegateOf(tx, table.model).count();
          if (rows !== expected || landed !== expected) {
            throw new Error(
              `${table.model}: the source has ${expected} rows, ${landed} arrived; nothing was committed.`,
            );
          }
          copied.push({ model: table.model, rows });
          onTable?.({ model: table.model, rows });
        }
        return copied;
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}
