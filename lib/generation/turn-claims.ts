import 'server-only';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { insertTurn } from '@/lib/db/turn-writes';
import { AppError } from '@/lib/errors';

/**
 * A turn's row is written before its messages, as the claim on its index: the conversation's
 * unique (conversationId, index) lets one prompt through and refuses the other, across
 * instances, before any upstream request leaves. Until its messages are written a claimed turn
 * is invisible (lib/conversations/read.ts shows only turns with messages) and blocks the
 * conversation; a claim whose process died is released by the sweep.
 */
export async function claimTurn(turn: {
  id: string;
  conversationId: string;
  index: number;
  prompt: string;
  createdAt: Date;
}): Promise<void> {
  let inserted: boolean;
  try {
    inserted = await insertTurn(turn);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'Another prompt was just sent to this conversation.');
    }
    throw error;
  }
  if (!inserted)
    throw new AppError('conflict', 'This battle is over: its vote revealed the models.');
}

/** Gives up a claim whose messages could not be written. */
export async function releaseClaim(turnId: string): Promise<void> {
  try {
    await db.turn.deleteMany({ where: { id: turnId, messages: { none: {} } } });
  } catch (error) {
    // The sweep releases it later.
    console.error(`turn ${turnId}: releasing its claim failed`, error);
  }
}

/**
 * Releases claims whose process is gone: every claim at start-up with one process (SQLite),
 * claims older than `staleAfterMs` with several instances.
 */
export async function releaseAbandonedClaims({
  staleAfterMs,
}: {
  staleAfterMs: number | null;
}): Promise<number> {
  const { count } = await db.turn.deleteMany({
    where: {
      messages: { none: {} },
      ...(staleAfterMs === null ? {} : { createdAt: { lt: new Date(Date.now() - staleAfterMs) } }),
    },
  });
  return count;
}
