import 'server-only';
import { type BattleOutcome, battleOutcomeSchema } from '@/lib/api/inputs';
import type { SharedConversation, ShareTally } from '@/lib/api/views';
import { toConversationView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { SLUG_PATTERN } from './slug';
import { type ShareSnapshot, shareSnapshotSchema, snapshotRow } from './snapshot';

// The recipient's side of a share link: what anyone with the slug may read, and a blind
// challenge's one vote per recipient. A share is served only while it is not revoked, not
// expired, and its owner's account is not disabled; otherwise it does not exist.

/** A share that is served now, or null. */
async function servedShare(slug: string) {
  if (!SLUG_PATTERN.test(slug)) return null;
  const share = await db.share.findUnique({
    where: { slug },
    select: {
      id: true,
      snapshot: true,
      blind: true,
      showOwner: true,
      indexable: true,
      expiresAt: true,
      revokedAt: true,
      updatedAt: true,
      owner: { select: { name: true, banned: true } },
    },
  });
  if (!share || share.revokedAt || share.owner.banned) return null;
  if (share.expiresAt && share.expiresAt.getTime() <= Date.now()) return null;
  const snapshot = shareSnapshotSchema.safeParse(JSON.parse(share.snapshot));
  if (!snapshot.success) {
    throw new AppError('internal', 'This share could not be read.', { cause: snapshot.error });
  }
  return { ...share, snapshot: snapshot.data };
}

type ServedShare = NonNullable<Awaited<ReturnType<typeof servedShare>>>;

async function tallyOf(shareId: string): Promise<ShareTally> {
  const groups = await db.shareVote.groupBy({
    by: ['outcome'],
    where: { shareId },
    _count: true,
  });
  const tally: ShareTally = { a: 0, b: 0, tie: 0, bothbad: 0 };
  for (const group of groups) {
    const outcome = battleOutcomeSchema.safeParse(group.outcome);
    if (outcome.success) tally[outcome.data] = group._count;
  }
  return tally;
}

async function recipientVote(shareId: string, voterId: string): Promise<BattleOutcome | null> {
  if (!voterId) return null;
  const vote = await db.shareVote.findUnique({
    where: { shareId_voterId: { shareId, voterId } },
    select: { outcome: true },
  });
  const outcome = battleOutcomeSchema.safeParse(vote?.outcome);
  return outcome.success ? outcome.data : null;
}

/**
 * The share as this recipient may see it: a blind challenge stays blind (the one projection
 * masks it) until they vote; then it shows the names and everyone's votes.
 */
async function viewOf(share: ServedShare, vote: BattleOutcome | null): Promise<SharedConversation> {
  const revealed = share.blind ? vote !== null : share.snapshot.revealed;
  const { row, readerId } = snapshotRow(share.snapshot, revealed);
  return {
    conversation: toConversationView(row, 0, readerId),
    share: {
      blind: share.blind,
      owner: share.showOwner ? share.owner.name : null,
      updatedAt: share.updatedAt.toISOString(),
      vote,
      tally: share.blind && vote ? await tallyOf(share.id) : null,
    },
  };
}

export interface ReadShare extends SharedConversation {
  snapshot: ShareSnapshot;
  indexable: boolean;
}

/** The share page's content, or null when no share is served at this slug. */
export async function readShare({
  slug,
  voterId,
}: {
  slug: string;
  voterId: string;
}): Promise<ReadShare | null> {
  const share = await servedShare(slug);
  if (!share) return null;
  const view = await viewOf(share, share.blind ? await recipientVote(share.id, voterId) : null);
  return { ...view, snapshot: share.snapshot, indexable: share.indexable };
}

/**
 * A recipient's vote on a blind challenge: once per recipient (the unique row holds it against
 * simultaneous votes), kept apart from the owner's battle vote. Answers the revealed share.
 */
export async function voteOnShare({
  slug,
  voterId,
  outcome,
}: {
  slug: string;
  voterId: string;
  outcome: BattleOutcome;
}): Promise<SharedConversation> {
  const share = await servedShare(slug);
  if (!share) throw new AppError('not_found', 'No such share.');
  if (!share.blind) {
    throw new AppError('bad_request', 'This share is not a blind challenge: it takes no votes.');
  }
  try {
    await db.shareVote.create({ data: { id: newId(), shareId: share.id, voterId, outcome } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'You have voted on this challenge already.');
    }
    throw error;
  }
  return viewOf(share, outcome);
}
