import 'server-only';
import { z } from 'zod';
import type { StoredVote } from '@/lib/battles/votes-to-pairs';
import { db } from '@/lib/db/client';

// Recipients' votes on shared blind challenges, for the leaderboard when the instance counts
// them (VERSUS_SHARE_VOTES_ON_LEADERBOARD). Each is a blind vote on the share's battle, read
// with what the share recorded of it (lib/battles/vote-record.ts).

const arenaSchema = z.object({
  models: z.string(),
  style: z.string(),
  leaked: z.boolean(),
});

/** A stamp that changes whenever a recipient votes: the leaderboard's cache key. */
export async function shareVotesStamp(): Promise<string> {
  const latest = await db.shareVote.aggregate({ _count: true, _max: { createdAt: true } });
  return `${latest._count}:${latest._max.createdAt?.getTime() ?? 0}`;
}

/** Recipients' votes as stored votes, without those whose answers named their models. */
export async function shareVotesForLeaderboard(): Promise<{
  votes: StoredVote[];
  leaked: number;
}> {
  const rows = await db.shareVote.findMany({
    // An imported conversation's battle was fought elsewhere: its challenge does not count here.
    where: { share: { arena: { not: null }, conversation: { importedAt: null } } },
    select: { id: true, outcome: true, share: { select: { arena: true } } },
  });
  const votes: StoredVote[] = [];
  let leaked = 0;
  for (const row of rows) {
    const arena = arenaSchema.safeParse(JSON.parse(row.share.arena ?? 'null'));
    if (!arena.success) continue;
    if (arena.data.leaked) {
      leaked += 1;
      continue;
    }
    votes.push({ id: row.id, scope: 'battle', blind: true, outcome: row.outcome, ...arena.data });
  }
  return { votes, leaked };
}
