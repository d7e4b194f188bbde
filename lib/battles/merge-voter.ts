import 'server-only';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';

/**
 * What a browser did under its anonymous voter id (battles it started, votes, verdicts) becomes
 * the account's when it signs in. A vote the account already cast on the same battle or turn
 * wins; the anonymous one is dropped, so a battle still counts once per account.
 */
export async function mergeVoter({ from, into }: { from: string; into: string }): Promise<void> {
  if (from === into) return;
  await db.conversation.updateMany({ where: { voterId: from }, data: { voterId: into } });
  const votes = await db.vote.findMany({ where: { voterId: from }, select: { id: true } });
  for (const vote of votes) {
    try {
      await db.vote.update({ where: { id: vote.id }, data: { voterId: into } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await db.vote.delete({ where: { id: vote.id } });
    }
  }
}
