import 'server-only';
import type { SlotParams } from '@/lib/api/inputs';
import { isRunning, RUNNING_STATUSES } from '@/lib/api/message-status';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import type { FinalRow } from '@/lib/db/message-writes';
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
    data: { status: 'streaming', startedAt: now, heartbeatAt: now, params: JSON.stringify(params) },
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

/** running → stopped, for a message no process here is running (it died, or another runs it). */
export async function recordStop({ id, attempt }: { id: string; attempt: number }) {
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
        data: { id: newId(), ...siblings, attempt, params: from.params, heartbeatAt: new Date() },
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
      errorMessage:
        'The server stopped while this answer was being generated; the text saved so far is kept. Retry to generate it again.',
      finishedAt: new Date(),
    },
  });
  return count;
}
