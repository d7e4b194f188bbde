import 'server-only';
import { type Db, db as processDb } from './client';
import { isSqlite } from './database-url';
import { PG_NOW } from './instances';

/**
 * Named leases: at most one holder per name until the lease expires, for work that must run in
 * one place at a time when several instances share a database (which instance drives a suite
 * run, say). Each call is one statement, atomic on both databases: of two instances claiming a
 * free name at once, one gets it. A holder renews before the expiry to keep it; a holder that
 * dies simply stops renewing, and after the expiry anyone may claim it.
 *
 * On PostgreSQL, expiries are measured on the database's clock, so instances whose clocks
 * disagree still agree on who holds what. SQLite has one process, whose clock is the one.
 */

const CLAIM = {
  postgresql: `INSERT INTO "Lease" ("name", "holder", "expiresAt")
    VALUES ($1, $2, ${PG_NOW} + $3::int * interval '1 millisecond')
    ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
    WHERE "Lease"."holder" = EXCLUDED."holder" OR "Lease"."expiresAt" <= ${PG_NOW}`,
  sqlite: `INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (?, ?, ?)
    ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
    WHERE "Lease"."holder" = excluded."holder" OR "Lease"."expiresAt" <= ?`,
};

const HOLDER = {
  postgresql: `SELECT "holder" FROM "Lease" WHERE "name" = $1 AND "expiresAt" > ${PG_NOW}`,
  sqlite: `SELECT "holder" FROM "Lease" WHERE "name" = ? AND "expiresAt" > ?`,
};

/** A time as Prisma stores SQLite DateTimes (ISO text with an explicit offset), comparable as text. */
function sqliteTime(at: number): string {
  return new Date(at).toISOString().replace('Z', '+00:00');
}

interface LeaseArgs {
  name: string;
  holder: string;
  /** Another client (tests stand in a second instance); the process's by default. */
  db?: Db;
}

/**
 * Takes the lease for `ttlMs` if it is free, expired, or already `holder`'s (then it is a
 * renewal). True when `holder` holds it now.
 */
export async function claimLease({
  name,
  holder,
  ttlMs,
  db = processDb,
}: LeaseArgs & { ttlMs: number }): Promise<boolean> {
  const ttl = Math.max(1, Math.round(ttlMs));
  if (isSqlite()) {
    const now = Date.now();
    const count = await db.$executeRawUnsafe(
      CLAIM.sqlite,
      name,
      holder,
      sqliteTime(now + ttl),
      sqliteTime(now),
    );
    return count === 1;
  }
  return (await db.$executeRawUnsafe(CLAIM.postgresql, name, holder, ttl)) === 1;
}

/** Extends a lease its holder still has; false once it was lost (expired and taken). */
export const renewLease = claimLease;

/** Gives a lease up, if `holder` has it; true when it did. */
export async function releaseLease({ name, holder, db = processDb }: LeaseArgs): Promise<boolean> {
  const { count } = await db.lease.deleteMany({ where: { name, holder } });
  return count === 1;
}

/** Who holds the lease now; null when nobody does (never claimed, released or expired). */
export async function leaseHolder({
  name,
  db = processDb,
}: {
  name: string;
  db?: Db;
}): Promise<string | null> {
  const rows = isSqlite()
    ? await db.$queryRawUnsafe<{ holder: string }[]>(HOLDER.sqlite, name, sqliteTime(Date.now()))
    : await db.$queryRawUnsafe<{ holder: string }[]>(HOLDER.postgresql, name);
  return rows[0]?.holder ?? null;
}
