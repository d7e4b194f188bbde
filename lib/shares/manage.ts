import 'server-only';
import type { ShareSummary } from '@/lib/api/views';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { newSlug, sharePath } from './slug';
import { takeSnapshot } from './take-snapshot';

// The owner's side of share links: create, list, update (a new snapshot, expiry, options) and
// revoke. Every function takes the owner from the request context: another user's share is
// "not found".

const DAY_MS = 24 * 60 * 60 * 1000;

function expiryOf(days: number | null): Date | null {
  return days === null ? null : new Date(Date.now() + days * DAY_MS);
}

const summaryColumns = {
  id: true,
  slug: true,
  conversationId: true,
  blind: true,
  showOwner: true,
  indexable: true,
  expiresAt: true,
  createdAt: true,
  updatedAt: true,
  turns: true,
  conversation: {
    select: { title: true, _count: { select: { turns: { where: { messages: { some: {} } } } } } },
  },
  _count: { select: { votes: true } },
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  conversationId: string;
  blind: boolean;
  showOwner: boolean;
  indexable: boolean;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  turns: number;
  conversation: { title: string; _count: { turns: number } };
  _count: { votes: number };
};

function toSummary(row: SummaryRow): ShareSummary {
  return {
    id: row.id,
    path: sharePath(row.slug),
    conversationId: row.conversationId,
    title: row.conversation.title,
    blind: row.blind,
    showOwner: row.showOwner,
    indexable: row.indexable,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    turns: row.turns,
    conversationTurns: row.conversation._count.turns,
    votes: row._count.votes,
  };
}

export async function createShare({
  conversationId,
  ownerId,
  voterId,
  blind,
  showOwner,
  indexable,
  expiresInDays,
}: {
  conversationId: string;
  ownerId: string;
  voterId: string;
  blind: boolean;
  showOwner: boolean;
  indexable: boolean;
  expiresInDays: number | null;
}): Promise<ShareSummary> {
  const { snapshot, arena } = await takeSnapshot({ conversationId, ownerId, voterId, blind });
  const row = await db.share.create({
    data: {
      id: newId(),
      slug: newSlug(),
      conversationId,
      ownerId,
      snapshot: JSON.stringify(snapshot),
      turns: snapshot.turns.length,
      blind,
      arena: arena && JSON.stringify(arena),
      showOwner,
      indexable,
      expiresAt: expiryOf(expiresInDays),
    },
    select: summaryColumns,
  });
  return toSummary(row);
}

/** The owner's live shares (revoked ones are gone for good), newest first. */
export async function listShares({
  ownerId,
  conversationId,
}: {
  ownerId: string;
  conversationId?: string;
}): Promise<ShareSummary[]> {
  const rows = await db.share.findMany({
    where: { ownerId, revokedAt: null, ...(conversationId ? { conversationId } : {}) },
    orderBy: { createdAt: 'desc' },
    select: summaryColumns,
  });
  return rows.map(toSummary);
}

async function ownShare(id: string, ownerId: string) {
  const share = await db.share.findFirst({
    where: { id, ownerId, revokedAt: null },
    select: { conversationId: true, blind: true },
  });
  if (!share) throw new AppError('not_found', 'No such share.');
  return share;
}

/**
 * Changes a share: `refresh` replaces its snapshot with the conversation as it is now (later
 * turns included); the options and expiry change in place. The slug stays.
 */
export async function updateShare({
  id,
  ownerId,
  voterId,
  refresh,
  showOwner,
  indexable,
  expiresInDays,
}: {
  id: string;
  ownerId: string;
  voterId: string;
  refresh?: true;
  showOwner?: boolean;
  indexable?: boolean;
  expiresInDays?: number | null;
}): Promise<ShareSummary> {
  const share = await ownShare(id, ownerId);
  const taken = refresh
    ? await takeSnapshot({
        conversationId: share.conversationId,
        ownerId,
        voterId,
        blind: share.blind,
      })
    : null;
  const row = await db.share.update({
    where: { id },
    data: {
      ...(taken && {
        snapshot: JSON.stringify(taken.snapshot),
        turns: taken.snapshot.turns.length,
        arena: taken.arena && JSON.stringify(taken.arena),
      }),
      showOwner,
      indexable,
      ...(expiresInDays !== undefined && { expiresAt: expiryOf(expiresInDays) }),
    },
    select: summaryColumns,
  });
  return toSummary(row);
}

/**
 * Revokes a share: its link answers 404 from the next request on, on every instance (each
 * request reads the row; share pages are never cached). Recipients' votes are kept.
 */
export async function revokeShare({ id, ownerId }: { id: string; ownerId: string }) {
  const { count } = await db.share.updateMany({
    where: { id, ownerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('not_found', 'No such share.');
}
