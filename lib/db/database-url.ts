import path from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

const DEFAULT_DATABASE_URL = 'file:./data/versus.db';

/**
 * DATABASE_URL, with a relative SQLite path made absolute against the working directory so the
 * app, the Prisma CLI and its schema engine all open the same file. Query parameters on a file:
 * URL are dropped: the better-sqlite3 adapter would take them as part of the file name.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === 'postgresql') return url;
  return `file:${sqliteFile(url)}`;
}

/** Whether this process stores to SQLite, one file owned by one process (else PostgreSQL). */
export function isSqlite(): boolean {
  return databaseProvider(databaseUrl()) === 'sqlite';
}

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)');
}

/** The absolute path of a file: URL's database. */
export function sqliteFile(url: string): string {
  const [file = ''] = url.slice('file:'.length).split('?');
  // Resolved at run time against the working directory; not a build-time file reference.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
