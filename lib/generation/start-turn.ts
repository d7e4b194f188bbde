import 'server-only';
import type { TurnView } from '@/lib/api/views';
import { toMessageView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { LiveMessage } from './live-message';
import { registerLive, runMessage } from './run-message';

/** Runs messages all at once, or one after another for models that share one GPU. */
export function launch(lives: LiveMessage[], runMode: string): void {
  if (runMode === 'sequential') {
    void (async () => {
      for (const live of lives) await runMessage(live);
    })();
  } else {
    for (const live of lives) void runMessage(live);
  }
}

/**
 * Adds a turn: the user's prompt and one pending assistant message per slot, in one
 * transaction; then generation starts on the server and outlives the request.
 */
export async function startTurn({
  conversationId,
  ownerId,
  prompt,
}: {
  conversationId: string;
  ownerId: string;
  prompt: string;
}): Promise<TurnView> {
  const turn = await db.$transaction(async (tx) => {
    const conversation = await tx.conversation.findFirst({
      where: { id: conversationId, ownerId },
      include: {
        slots: { orderBy: { position: 'asc' } },
        turns: { orderBy: { index: 'desc' }, take: 1, include: { messages: true } },
      },
    });
    if (!conversation) throw new AppError('not_found', 'No such conversation.');
    const busy = conversation.turns[0]?.messages.some(
      (message) => message.status === 'pending' || message.status === 'streaming',
    );
    if (busy) {
      throw new AppError('conflict', 'The previous turn is still running; wait or stop it first.');
    }
    const index = (conversation.turns[0]?.index ?? -1) + 1;
    const created = await tx.turn.create({
      data: {
        id: newId(),
        conversationId,
        index,
        prompt,
        messages: {
          create: conversation.slots.map((slot) => ({
            id: newId(),
            slotId: slot.id,
            params: slot.params,
            heartbeatAt: new Date(),
          })),
        },
      },
      include: { messages: true },
    });
    await tx.conversation.update({
      where: { id: conversationId },
      data: { updatedAt: new Date() },
    });
    return {
      ...created,
      runMode: conversation.runMode,
      slotIds: conversation.slots.map((s) => s.id),
    };
  });

  const messages = [...turn.messages].sort(
    (a, b) => turn.slotIds.indexOf(a.slotId) - turn.slotIds.indexOf(b.slotId),
  );
  const lives = messages.map((message) => new LiveMessage(message.id, message.attempt));
  for (const live of lives) registerLive(live);
  launch(lives, turn.runMode);

  return {
    id: turn.id,
    index: turn.index,
    prompt: turn.prompt,
    createdAt: turn.createdAt.toISOString(),
    messages: messages.map(toMessageView),
  };
}
