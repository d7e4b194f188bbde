import 'server-only';
import { type Db, db as processDb } from './client';

/**
 * Heartbeats of the instances that share a PostgreSQL database (SQLite has one process, which
 * needs none). Beats and their ages are measured on the database's clock, so instances whose
 * clocks disagree still agree on which of them is dead.
 */

/** The database's clock, as Prisma stores DateTime: a timestamp without zone, in UTC. */
export const PG_NOW = `(now() AT TIME ZONE 'UTC')`;

const BEAT = `INSERT INTO "Instance" ("id", "startedAt", "beatAt") VALUES ($1, ${PG_NOW}, ${PG_NOW})
  ON CONFLICT ("id") DO UPDATE SET "beatAt" = EXCLUDED."beatAt"`;

const ALIVE = `SELECT 1 FROM "Instance"
  WHERE "id" = $1 AND "beatAt" > ${PG_NOW} - $2::int * interval '1 millisecond'`;

/** Records that the instance is alive now (its first beat creates its row). */
export async function beat({ id, db = processDb }: { id: string; db?: Db }): Promise<void> {
  await db.$executeRawUnsafe(BEAT, id);
}

/** Whether the instance has beaten within the last `deadAfterMs`. */
export async function isInstanceAlive({
  id,
  deadAfterMs,
  db = processDb,
}: {
  id: string;
  deadAfterMs: number;
  db?: Db;
}): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(ALIVE, id, deadAfterMs);
  return rows.length > 0;
}

/**
 * Forgets an instance: its own clean exit, or one dead for longer than `forgetAfterMs` (once
 * dead, its messages were marked interrupted by the sweep, and the row has no more use).
 */
export async function forgetInstances({
  id,
  forgetAfterMs,
  db = processDb,
}: {
  id?: string;
  forgetAfterMs?: number;
  db?: Db;
}): Promise<void> {
  if (id) await db.instance.deleteMany({ where: { id } });
  if (forgetAfterMs !== undefined) {
    await db.$executeRawUnsafe(
      `DELETE FROM "Instance" WHERE "beatAt" < ${PG_NOW} - $1::int * interval '1 millisecond'`,
      forgetAfterMs,
    );
  }
}
