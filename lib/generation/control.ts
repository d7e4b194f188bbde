import 'server-only';
import { isRunning, RUNNING_STATUSES } from '@/lib/api/message-status';
import type { MessageView } from '@/lib/api/views';
import { isBlind } from '@/lib/battles/blind';
import { toMessageView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { LiveMessage } from './live-message';
import { addAttempt, recordStop, showAttempt } from './message-state';
import { liveMessages } from './registry';
import { registerLive, runMessage } from './run-message';

/** The message, and whether it belongs to a battle still blind (its views are masked). */
async function ownedMessage({ id, ownerId }: { id: string; ownerId: string }) {
  const row = await db.message.findFirst({
    where: { id, turn: { conversation: { ownerId } } },
    include: { turn: { select: { conversation: { select: { mode: true, revealedAt: true } } } } },
  });
  if (!row) throw new AppError('not_found', 'No such message.');
  const { turn, ...message } = row;
  return { message, battle: turn.conversation };
}

/**
 * Ends a message this process runs: aborts its upstream request (with `reason`, or as a Stop)
 * and resolves once its final state is saved. A pending message that never started is
 * finished here rather than when its turn comes.
 */
function end(live: LiveMessage, reason?: unknown): Promise<void> {
  live.controller.abort(reason);
  return live.started ? live.settled : runMessage(live);
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
  if (live) await end(live);
  else if (isRunning(message.status)) await recordStop(message);
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
  const { message, battle } = await ownedMessage({ id, ownerId });
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

/** Stops every message of a conversation that this process is generating (before deleting it). */
export async function stopConversation({ conversationId }: { conversationId: string }) {
  const running = await db.message.findMany({
    where: { turn: { conversationId }, status: { in: [...RUNNING_STATUSES] } },
    select: { id: true },
  });
  await Promise.all(
    running.map(({ id }) => {
      const live = liveMessages.get(id);
      return live ? end(live) : undefined;
    }),
  );
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
  await Promise.all(lives.map((live) => end(live, reason)));
  return lives.length;
}
