import 'server-only';
import type { BattleOutcome } from '@/lib/api/inputs';
import { isRunning, RUNNING_STATUSES } from '@/lib/api/message-status';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { voteRecordOf } from './vote-record';
import { votedSlotColumns } from './voted-model';

/** Everything of a battle a vote needs, read once. */
async function readBattle(id: string, ownerId: string) {
  return db.conversation.findFirst({
    where: { id, ownerId },
    select: {
      mode: true,
      voterId: true,
      revealedAt: true,
      slots: {
        orderBy: { position: 'asc' },
        select: votedSlotColumns,
      },
      turns: {
        orderBy: { index: 'asc' },
        select: {
          messages: {
            select: {
              slotId: true,
              status: true,
              shown: true,
              content: true,
              reasoning: true,
              modelInfo: true,
            },
          },
        },
      },
    },
  });
}

type Battle = NonNullable<Awaited<ReturnType<typeof readBattle>>>;

/** Refuses a vote that must not count: not a battle, not this browser's, too early, or twice. */
function refusal(battle: Battle | null, voterId: string): AppError | null {
  if (!battle) return new AppError('not_found', 'No such battle.');
  if (battle.mode !== 'battle') {
    return new AppError(
      'bad_request',
      'This is a comparison: mark the best answer of a turn instead.',
    );
  }
  if (battle.voterId !== voterId) {
    return new AppError('forbidden', 'Only the browser that started this battle can vote on it.');
  }
  if (battle.revealedAt) return new AppError('conflict', 'This battle has its vote already.');
  const messages = battle.turns.flatMap((turn) => turn.messages);
  if (
    battle.turns.some((turn) => turn.messages.length === 0) ||
    messages.some((m) => isRunning(m.status))
  ) {
    return new AppError(
      'conflict',
      'Both answers are still being written: vote when they are finished.',
    );
  }
  if (!messages.some((message) => message.status === 'done')) {
    return new AppError('conflict', 'Ask something first: there is no answer to vote on yet.');
  }
  return null;
}

/**
 * A battle's vote: recorded once, by the browser that started the battle, when no answer is
 * still being written. It reveals both models and ends the battle. The reveal is the guard: of
 * simultaneous votes only one sets `revealedAt`, and the unique (battle, voter, scope) row
 * backs it up. A vote whose answers named their models is kept but flagged (identity leak).
 */
export async function castVote({
  id,
  ownerId,
  voterId,
  outcome,
}: {
  id: string;
  ownerId: string;
  voterId: string;
  outcome: BattleOutcome;
}): Promise<{ leaked: boolean; leakReason: string | null }> {
  const battle = await readBattle(id, ownerId);
  const refused = refusal(battle, voterId);
  if (refused || !battle) throw refused;
  const record = voteRecordOf(battle);
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.conversation.updateMany({
        where: { id, revealedAt: null },
        data: { revealedAt: new Date() },
      });
      if (count === 0) throw new AppError('conflict', 'This battle has its vote already.');
      // A prompt sent meanwhile: its answers would be judged unseen.
      const running = await tx.message.count({
        where: { turn: { conversationId: id }, status: { in: [...RUNNING_STATUSES] } },
      });
      if (running > 0) {
        throw new AppError(
          'conflict',
          'Both answers are still being written: vote when they are finished.',
        );
      }
      await tx.vote.create({
        data: {
          id: newId(),
          conversationId: id,
          voterId,
          scope: 'battle',
          blind: true,
          outcome,
          ...record,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'This battle has its vote already.');
    throw error;
  }
  return { leaked: record.leaked, leakReason: record.leakReason };
}
