import 'server-only';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';

/**
 * Moves each row to the account; a row the account already has (its unique key) is dropped
 * instead, so the account's own vote wins.
 */
async function moveEach(
  ids: readonly { id: string }[],
  move: (id: string) => Promise<unknown>,
  drop: (id: string) => Promise<unknown>,
): Promise<void> {
  for (const { id } of ids) {
    try {
      await move(id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await drop(id);
    }
  }
}

/**
 * What a browser did under its anonymous voter id (battles it started, votes, verdicts, votes
 * on shared blind challenges) becomes the account's when it signs in. A vote the account
 * already cast on the same battle, turn or challenge wins; the anonymous one is dropped, so
 * each still counts once per account.
 */
export async function mergeVoter({ from, into }: { from: string; into: string }): Promise<void> {
  if (from === into) return;
  await db.conversation.updateMany({ where: { voterId: from }, data: { voterId: into } });
  const select = { id: true } as const;
  await moveEach(
    await db.vote.findMany({ where: { voterId: from }, select }),
    (id) => db.vote.update({ where: { id }, data: { voterId: into } }),
    (id) => db.vote.delete({ where: { id } }),
  );
  await moveEach(
    await db.shareVote.findMany({ where: { voterId: from }, select }),
    (id) => db.shareVote.update({ where: { id }, data: { voterId: into } }),
    (id) => db.shareVote.delete({ where: { id } }),
  );
}
