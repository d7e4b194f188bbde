import 'server-only';
import type { VerdictBest } from '@/lib/api/inputs';
import { isRunning } from '@/lib/api/message-status';
import { styleCountsOf } from '@/lib/arena/style-counts';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { votedModel, votedSlotColumns } from './voted-model';

/**
 * A named verdict on one turn of a comparison: its best column, or a tie. Stored as a vote that
 * is not blind (the voter saw the names), one per turn and browser; a new verdict replaces the
 * last one, `best: null` takes it back. The leaderboard leaves these out unless asked.
 */
export async function setVerdict({
  conversationId,
  ownerId,
  voterId,
  turnId,
  best,
}: {
  conversationId: string;
  ownerId: string;
  voterId: string;
  turnId: string;
  best: VerdictBest | null;
}): Promise<void> {
  const turn = await db.turn.findFirst({
    where: { id: turnId, conversationId, conversation: { ownerId } },
    select: {
      conversation: {
        select: {
          mode: true,
          slots: {
            orderBy: { position: 'asc' },
            select: votedSlotColumns,
          },
        },
      },
      messages: {
        where: { shown: true },
        select: { slotId: true, status: true, content: true, reasoning: true, modelInfo: true },
      },
    },
  });
  if (!turn) throw new AppError('not_found', 'No such turn in this conversation.');
  const { mode, slots } = turn.conversation;
  if (mode !== 'compare') throw new AppError('bad_request', 'A battle takes a vote, not verdicts.');
  const scope = { conversationId, voterId, scope: turnId };
  if (best === null) {
    await db.vote.deleteMany({ where: scope });
    return;
  }
  if (best !== 'tie' && best >= slots.length) {
    throw new AppError('bad_request', `This comparison has ${slots.length} columns.`);
  }
  if (turn.messages.some((message) => isRunning(message.status))) {
    throw new AppError(
      'conflict',
      'Some answers are still being written: judge them when they are finished.',
    );
  }
  const answers = slots.map((slot) => turn.messages.find((message) => message.slotId === slot.id));
  const models = slots.map((slot, position) => votedModel(slot, answers[position]?.modelInfo));
  const style = answers.map((answer) =>
    styleCountsOf({ answer: answer?.content ?? '', reasoning: answer?.reasoning ?? '' }),
  );
  const data = {
    blind: false,
    outcome: String(best),
    models: JSON.stringify(models),
    style: JSON.stringify(style),
    turns: 1,
  };
  await db.vote.upsert({
    where: { conversationId_voterId_scope: scope },
    create: { id: newId(), ...scope, ...data },
    update: { ...data, createdAt: new Date() },
  });
}
