import 'server-only';
import { type SlotParams, slotParamsSchema } from '@/lib/api/inputs';
import type { ConversationSummary, ConversationView, TurnPage } from '@/lib/api/views';
import { isBlind } from '@/lib/battles/blind';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { parseJsonColumn } from './parse-json';
import { titleOf, toConversationView, toTurnViews } from './to-view';

/** A turn without messages is a claim still being written (lib/generation/turn-claims.ts). */
const shown = { messages: { some: {} } } as const;

/** The battle's vote, and the reader's own verdicts on turns. */
const voteColumns = {
  scope: true,
  voterId: true,
  outcome: true,
  leaked: true,
  leakReason: true,
} as const;

function votesOf(voterId: string) {
  return { where: { OR: [{ scope: 'battle' }, { voterId }] }, select: voteColumns };
}

function conversationQuery(latestTurns: number | undefined, voterId: string) {
  return {
    votes: votesOf(voterId),
    slots: {
      orderBy: { position: 'asc' },
      include: { backend: { select: { kind: true, label: true } } },
    },
    turns: {
      where: shown,
      orderBy: { index: 'desc' },
      take: latestTurns,
      include: { messages: true },
    },
    _count: { select: { turns: { where: shown } } },
  } as const;
}

/** One conversation with its latest `latestTurns` turns (all when omitted). */
export async function getConversation({
  id,
  ownerId,
  voterId,
  latestTurns,
}: {
  id: string;
  ownerId: string;
  /** Who reads it: their verdicts are shown, and whether they may vote on a battle. */
  voterId: string;
  latestTurns?: number;
}): Promise<ConversationView | null> {
  const row = await db.conversation.findFirst({
    where: { id, ownerId },
    include: { ...conversationQuery(latestTurns, voterId), suiteItem: { select: { runId: true } } },
  });
  if (!row) return null;
  // Read newest first, so that `take` keeps the latest; shown oldest first.
  const turns = row.turns.toReversed();
  const view = toConversationView({ ...row, turns }, row._count.turns - turns.length, voterId);
  return row.suiteItem ? { ...view, suiteRunId: row.suiteItem.runId } : view;
}

/** Up to `limit` turns before turn `before`, in order, and how many precede those. */
export async function getEarlierTurns({
  id,
  ownerId,
  voterId,
  before,
  limit,
}: {
  id: string;
  ownerId: string;
  voterId: string;
  before: number;
  limit: number;
}): Promise<TurnPage> {
  const earlier = { index: { lt: before }, ...shown };
  const row = await db.conversation.findFirst({
    where: { id, ownerId },
    select: {
      mode: true,
      revealedAt: true,
      votes: { where: { voterId, scope: { not: 'battle' } }, select: voteColumns },
      slots: { select: { id: true, position: true } },
      turns: {
        where: earlier,
        orderBy: { index: 'desc' },
        take: limit,
        include: { messages: true },
      },
      _count: { select: { turns: { where: earlier } } },
    },
  });
  if (!row) throw new AppError('not_found', 'No such conversation.');
  const turns = toTurnViews(row.turns.toReversed(), row.slots, {
    blind: isBlind(row),
    verdicts: row.votes,
  });
  return { turns, earlierTurns: row._count.turns - turns.length };
}

export async function listConversations({
  ownerId,
  q,
  take = 200,
}: {
  ownerId: string;
  q?: string;
  /** At most this many, the most recently updated first (200 by default). */
  take?: number;
}): Promise<ConversationSummary[]> {
  const rows = await db.conversation.findMany({
    where: {
      ownerId,
      // A suite run's items (up to hundreds of conversations) are reached from its grid.
      suiteItem: { is: null },
      ...(q
        ? {
            OR: [
              { title: { contains: q } },
              // A blind battle is not found by its models' names: that would name them.
              {
                slots: { some: { model: { contains: q } } },
                NOT: { mode: 'battle', revealedAt: null },
              },
              { turns: { some: { prompt: { contains: q } } } },
            ],
          }
        : {}),
    },
    orderBy: { updatedAt: 'desc' },
    take,
    select: {
      id: true,
      title: true,
      mode: true,
      revealedAt: true,
      updatedAt: true,
      slots: { orderBy: { position: 'asc' }, select: { model: true } },
    },
  });
  return rows.map((row) => {
    const models = isBlind(row) ? [] : row.slots.map((slot) => slot.model);
    return {
      id: row.id,
      title: titleOf({ ...row, models }),
      mode: row.mode === 'battle' ? 'battle' : 'compare',
      updatedAt: row.updatedAt.toISOString(),
      models,
    };
  });
}

/** A lineup to start a new comparison from: its slots and run mode. */
export interface LineupSeed {
  runMode: 'parallel' | 'sequential';
  slots: { backendId: string; model: string; params: SlotParams }[];
}

/**
 * The lineup of one of the owner's conversations (`fromId`), else of the one they used last:
 * a new comparison starts from it instead of from scratch. Null when there is none.
 */
export async function lineupSeed({
  ownerId,
  fromId,
}: {
  ownerId: string;
  fromId?: string;
}): Promise<LineupSeed | null> {
  const row = await db.conversation.findFirst({
    // Never a blind battle's (it would name its models); the last lineup is a comparison's.
    where: fromId
      ? { ownerId, id: fromId, NOT: { mode: 'battle', revealedAt: null } }
      : { ownerId, mode: 'compare' },
    orderBy: { updatedAt: 'desc' },
    select: {
      runMode: true,
      slots: {
        orderBy: { position: 'asc' },
        select: { backendId: true, model: true, params: true },
      },
    },
  });
  if (!row) return null;
  return {
    runMode: row.runMode === 'sequential' ? 'sequential' : 'parallel',
    slots: row.slots.map((slot) => ({
      backendId: slot.backendId,
      model: slot.model,
      params: parseJsonColumn(slotParamsSchema, slot.params),
    })),
  };
}
