import 'server-only';
import { type BattleOutcome, battleOutcomeSchema } from '@/lib/api/inputs';
import type { SharedConversation, ShareTally, TurnPage } from '@/lib/api/views';
import { toConversationView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { describeShare } from './describe';
import type { PreviewCard } from './preview-card';
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

/** Which turns a page shows: up to `limit` before turn `before` (the latest ones without it). */
interface TurnWindow {
  before?: number;
  limit: number;
}

function windowOf(snapshot: ShareSnapshot, { before, limit }: TurnWindow) {
  const until = snapshot.turns.filter((turn) => before === undefined || turn.index < before);
  const turns = until.slice(-limit);
  return { snapshot: { ...snapshot, turns }, earlier: until.length - turns.length };
}

/**
 * The share as this recipient may see it: a blind challenge stays blind (the one projection
 * masks it) until they vote; then it shows the names and everyone's votes. A long one shows a
 * window of its turns, as the chat page does.
 */
function projectionOf(share: ServedShare, vote: BattleOutcome | null, window: TurnWindow) {
  const revealed = share.blind ? vote !== null : share.snapshot.revealed;
  const { snapshot, earlier } = windowOf(share.snapshot, window);
  const { row, readerId } = snapshotRow(snapshot, revealed);
  return toConversationView(row, earlier, readerId);
}

async function viewOf(
  share: ServedShare,
  vote: BattleOutcome | null,
  window: TurnWindow,
): Promise<SharedConversation> {
  return {
    conversation: projectionOf(share, vote, window),
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
  indexable: boolean;
  /** The link preview: all the share's turns, as blind as the page is to this reader. */
  card: PreviewCard;
}

/** The share page's content with its latest `latestTurns` turns, or null when none is served. */
export async function readShare({
  slug,
  voterId,
  latestTurns,
}: {
  slug: string;
  voterId: string;
  latestTurns: number;
}): Promise<ReadShare | null> {
  const share = await servedShare(slug);
  if (!share) return null;
  const vote = share.blind ? await recipientVote(share.id, voterId) : null;
  const view = await viewOf(share, vote, { limit: latestTurns });
  const card = describeShare(projectionOf(share, vote, { limit: share.snapshot.turns.length }));
  return { ...view, indexable: share.indexable, card };
}

/** Up to `limit` of a share's turns before turn `before`, as its reader may see them. */
export async function readShareTurns({
  slug,
  voterId,
  before,
  limit,
}: {
  slug: string;
  voterId: string;
  before: number;
  limit: number;
}): Promise<TurnPage> {
  const share = await servedShare(slug);
  if (!share) throw new AppError('not_found', 'No such share.');
  const vote = share.blind ? await recipientVote(share.id, voterId) : null;
  const { conversation } = await viewOf(share, vote, { before, limit });
  return { turns: conversation.turns, earlierTurns: conversation.earlierTurns };
}

/**
 * A recipient's vote on a blind challenge: once per recipient (the unique row holds it against
 * simultaneous votes), kept apart from the owner's battle vote. Answers the revealed share.
 */
export async function voteOnShare({
  slug,
  voterId,
  outcome,
  latestTurns,
}: {
  slug: string;
  voterId: string;
  outcome: BattleOutcome;
  latestTurns: number;
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
  return viewOf(share, outcome, { limit: latestTurns });
}
