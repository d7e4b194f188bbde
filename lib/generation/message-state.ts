import 'server-only';
import type { SlotParams } from '@/lib/api/inputs';
import { isRunning, RUNNING_STATUSES } from '@/lib/api/message-status';
import { instanceId } from '@/lib/cluster/instance';
import { type Db, db as processDb } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { PG_NOW } from '@/lib/db/instances';
import { type FinalRow, RUNNING_LIST } from '@/lib/db/message-writes';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { saveFinal } from './final-writes';

/**
 * Every change of a message's status in the database goes through here, each guarded by the
 * status (and attempt) it moves from, so that nothing leaves a final state and two writers
 * never both win: a final write after a Stop recorded elsewhere changes nothing, and of two
 * retries of one attempt only one starts. The moves are those of lib/api/message-status.ts.
 */

const running = { in: [...RUNNING_STATUSES] };
const db = processDb;

/** pending → streaming: a queued slot or a retry has sent its request. */
export async function recordStart({
  id,
  attempt,
  params,
}: {
  id: string;
  attempt: number;
  params: SlotParams;
}): Promise<void> {
  const now = new Date();
  // updateMany: update would read the row back, unused.
  await db.message.updateMany({
    where: { id, attempt, status: 'pending' },
    data: {
      status: 'streaming',
      startedAt: now,
      heartbeatAt: now,
      params: JSON.stringify(params),
      instanceId,
    },
  });
}

const FINAL_RETRY_MAX_MS = 5_000;

/**
 * running → final, with the text and metrics. A failed write is tried again, with back-off,
 * until it succeeds: a message must not stay "streaming" (and its conversation closed to new
 * prompts) in a process that is still alive. Resolves once saved.
 */
export async function recordFinal(row: FinalRow): Promise<void> {
  for (let failures = 0; ; failures += 1) {
    try {
      await saveFinal(row);
      return;
    } catch (error) {
      const waitMs = Math.min(100 * 2 ** failures, FINAL_RETRY_MAX_MS);
      console.error(`message ${row.id}: final write failed; trying again in ${waitMs} ms`, error);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/**
 * running → stopped, for a message no process here is running (its own died, or another did not
 * answer). Whoever runs it finds out at its next checkpoint and aborts. `db`: another client
 * (tests stand in a second instance).
 */
export async function recordStop({
  id,
  attempt,
  db = processDb,
}: {
  id: string;
  attempt: number;
  db?: Db;
}) {
  await db.message.updateMany({
    where: { id, attempt, status: running },
    data: { status: 'stopped', finishedAt: new Date() },
  });
}

/**
 * A retry: the message's turn and slot get a new attempt, pending and on show, and the earlier
 * attempts stay as they were (apart from no longer being on show). Refused while an attempt of
 * that slot still runs; of two retries racing for the same attempt number, the unique
 * (turn, slot, attempt) lets one through. Returns the new attempt's row.
 */
export async function addAttempt({
  from,
}: {
  from: { turnId: string; slotId: string; params: string };
}) {
  const siblings = { turnId: from.turnId, slotId: from.slotId };
  try {
    return await db.$transaction(async (tx) => {
      const attempts = await tx.message.findMany({
        where: siblings,
        select: { attempt: true, status: true },
      });
      if (attempts.some((attempt) => isRunning(attempt.status))) {
        throw new AppError(
          'conflict',
          'An attempt of this answer is still running; stop it first.',
        );
      }
      const attempt = Math.max(0, ...attempts.map((row) => row.attempt)) + 1;
      await tx.message.updateMany({ where: siblings, data: { shown: false } });
      return tx.message.create({
        data: {
          id: newId(),
          ...siblings,
          attempt,
          params: from.params,
          heartbeatAt: new Date(),
          instanceId,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'This answer was just retried; reload to see the attempt.');
    }
    throw error;
  }
}

/** Puts one attempt on show in its cell (and in its slot's later history); the others not. */
export async function showAttempt({ id }: { id: string }) {
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUniqueOrThrow({
      where: { id },
      select: { turnId: true, slotId: true },
    });
    await tx.message.updateMany({ where: message, data: { shown: false } });
    return tx.message.update({ where: { id }, data: { shown: true } });
  });
}

/**
 * running → interrupted, keeping the saved text, for messages whose process is gone: with one
 * process (SQLite) every running message at start-up; with several instances, those whose
 * heartbeat has gone quiet.
 */
export async function interruptOrphans({
  staleAfterMs,
}: {
  staleAfterMs: number | null;
}): Promise<number> {
  const { count } = await db.message.updateMany({
    where: {
      status: running,
      ...(staleAfterMs === null
        ? {}
        : {
            OR: [
              { heartbeatAt: null },
              { heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } },
            ],
          }),
    },
    data: {
      status: 'interrupted',
      errorCode: 'interrupted',
      errorMessage: INTERRUPTED,
      finishedAt: new Date(),
    },
  });
  return count;
}

const INTERRUPTED =
  'The server stopped while this answer was being generated; the text saved so far is kept. Retry to generate it again.';

const INTERRUPT_DEAD = `UPDATE "Message" AS m SET "status" = 'interrupted', "errorCode" = 'interrupted',
    "errorMessage" = $2, "finishedAt" = ${PG_NOW}, "updatedAt" = ${PG_NOW}
  FROM "Instance" AS i
  WHERE m."status" IN (${RUNNING_LIST})
    AND m."instanceId" = i."id"
    AND i."beatAt" <= ${PG_NOW} - $1::int * interval '1 millisecond'`;

/**
 * running → interrupted, keeping the saved text, for the messages of instances sharing this
 * PostgreSQL database whose heartbeat is older than `deadAfterMs` (lib/cluster/heartbeat.ts).
 * An instance that was only slow, not dead, finds its messages ended at its next checkpoint and
 * aborts them: nothing leaves a final state. Returns how many it marked.
 */
export async function interruptDeadInstances({
  deadAfterMs,
  db = processDb,
}: {
  deadAfterMs: number;
  db?: Db;
}): Promise<number> {
  return db.$executeRawUnsafe(INTERRUPT_DEAD, Math.round(deadAfterMs), INTERRUPTED);
}
