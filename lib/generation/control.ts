import 'server-only';
import { isRunning, RUNNING_STATUSES } from '@/lib/api/message-status';
import type { MessageView } from '@/lib/api/views';
import { isBlind } from '@/lib/battles/blind';
import { toMessageView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { stopConversationElsewhere, stopElsewhere } from './cluster-control';
import { LiveMessage } from './live-message';
import { addAttempt, showAttempt } from './message-state';
import { liveMessages } from './registry';
import { endLive, registerLive, runMessage } from './run-message';

/** The message, and whether it belongs to a battle still blind (its views are masked). */
async function ownedMessage({ id, ownerId }: { id: string; ownerId: string }) {
  const row = await db.message.findFirst({
    where: { id, turn: { conversation: { ownerId } } },
    include: {
      turn: {
        select: {
          conversationId: true,
          conversation: { select: { mode: true, revealedAt: true } },
        },
      },
    },
  });
  if (!row) throw new AppError('not_found', 'No such message.');
  const { turn, ...message } = row;
  return { message, battle: turn.conversation, conversationId: turn.conversationId };
}

/** Stops one message: aborts only its upstream request and keeps the text received so far. */
export async function stopMessage({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<MessageView> {
  const { message, battle } = await ownedMessage({ id, ownerId });
  const live = liveMessages.get(id);
  if (live) await endLive(live);
  else if (isRunning(message.status)) await stopElsewhere({ message });
  return toMessageView(await db.message.findUniqueOrThrow({ where: { id } }), isBlind(battle));
}

/**
 * Retries a finished answer: a new attempt of its turn and slot, with the slot's current
 * parameters, which goes on show; the earlier attempts are kept. Returns the new attempt.
 */
export async function retryMessage({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<MessageView> {
  const { message, battle, conversationId } = await ownedMessage({ id, ownerId });
  if (battle.mode === 'battle' && battle.revealedAt) {
    throw new AppError('conflict', 'This battle is over: its vote revealed the models.');
  }
  if (liveMessages.has(id) || isRunning(message.status)) {
    throw new AppError('conflict', 'This message is still running; stop it before retrying.');
  }
  const slot = await db.slot.findUniqueOrThrow({
    where: { id: message.slotId },
    select: { params: true },
  });
  const attempt = await addAttempt({ from: { ...message, params: slot.params } });
  const live = new LiveMessage(attempt.id, attempt.attempt);
  live.blind = isBlind(battle);
  live.conversationId = conversationId;
  registerLive(live);
  void runMessage(live);
  return toMessageView(attempt, live.blind);
}

/** Puts an attempt on show: its cell shows it, and its slot's later prompts go on from it. */
export async function showMessage({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<MessageView> {
  const { battle } = await ownedMessage({ id, ownerId });
  return toMessageView(await showAttempt({ id }), isBlind(battle));
}

/**
 * Stops every message of a conversation (before deleting it): those this process runs here,
 * resolving once they are saved; those other instances run, by telling them.
 */
export async function stopConversation({ conversationId }: { conversationId: string }) {
  const running = await db.message.findMany({
    where: { turn: { conversationId }, status: { in: [...RUNNING_STATUSES] } },
    select: { id: true },
  });
  const here = running.flatMap(({ id }) => liveMessages.get(id) ?? []);
  if (here.length < running.length) stopConversationElsewhere({ conversationId });
  await Promise.all(here.map((live) => endLive(live)));
}

/**
 * Ends every message this process runs as interrupted, with the text so far saved: the
 * process is shutting down. Resolves once all are saved.
 */
export async function interruptAll(): Promise<number> {
  const reason = new AppError(
    'interrupted',
    'Versus was shut down while this answer was being generated; the text so far is kept. Retry to generate it again.',
  );
  const lives = [...liveMessages.values()];
  await Promise.all(lives.map((live) => endLive(live, reason)));
  return lives.length;
}
