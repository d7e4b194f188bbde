import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import { databaseProvider, databaseUrl, sqliteFile } from './database-url';
import { PrismaClient as PostgresqlClient } from './generated/postgresql/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';

/**
 * The database client type the rest of the code uses. The two generated clients have the same
 * models and methods (their schemas differ only in provider), so the SQLite one stands for both.
 */
export type Db = SqliteClient;

/** How long a write waits for another connection's write lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Every SQLite connection gets WAL, so readers (pages, event streams) never wait for the writer
 * (token checkpoints); synchronous=NORMAL, which in WAL mode survives an app crash and skips an
 * fsync per commit (0.33 → 0.02 ms here; a power loss can drop the last commits); and a busy
 * timeout, so concurrent writers queue instead of failing.
 */
function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: sqliteFile(url) });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      await adapter.executeScript(
        `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`,
      );
      return adapter;
    },
  };
}

/** A new client with connections of its own (the app uses `db`; tests stand in a second instance). */
export function createDb(): Db {
  const url = databaseUrl();
  if (databaseProvider(url) === 'sqlite') return new SqliteClient({ adapter: sqliteAdapter(url) });
  const schema = new URL(url).searchParams.get('schema') ?? undefined;
  const client = new PostgresqlClient({
    adapter: new PrismaPg({ connectionString: url }, { schema }),
  });
  // The one cast: the types differ only where the databases do (PostgreSQL offers more
  // transaction isolation levels), and the rest of the code keeps to what SQLite has.
  return client as Db;
}

// Kept on globalThis because Next.js may evaluate this module more than once per process (dev
// reloads, separate route bundles), and each client holds its own connections.
const globalForDb = globalThis as typeof globalThis & { versusDb?: Db };

globalForDb.versusDb ??= createDb();

export const db: Db = globalForDb.versusDb;
