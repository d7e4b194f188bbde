import 'server-only';
import type { SlotParams } from '@/lib/api/inputs';
import { FINAL_STATUSES, RUNNING_STATUSES } from '@/lib/api/message-status';
import { db } from '@/lib/db/client';
import type { FinalRow } from '@/lib/db/message-writes';
import { saveFinal } from './final-writes';
import { emptyMetrics } from './metrics';

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

/** final → pending as the next attempt; false when the message changed meanwhile. */
export async function beginRetry({ id, attempt }: { id: string; attempt: number }) {
  const { count } = await db.message.updateMany({
    where: { id, attempt, status: { in: [...FINAL_STATUSES] } },
    data: {
      attempt: attempt + 1,
      status: 'pending',
      content: '',
      reasoning: '',
      errorCode: null,
      errorMessage: null,
      finishReason: null,
      ...emptyMetrics,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: new Date(),
    },
  });
  return count === 1;
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
