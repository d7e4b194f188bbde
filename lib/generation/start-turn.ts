import 'server-only';
import type { TurnView } from '@/lib/api/views';
import { toMessageView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { LiveMessage } from './live-message';
import { prepareRequest } from './prepare-request';
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
        slots: { orderBy: { position: 'asc' }, include: { backend: true } },
        // The whole history, once for every slot: each request is then built without a query.
        turns: {
          orderBy: { index: 'asc' },
          select: {
            index: true,
            prompt: true,
            messages: { select: { slotId: true, content: true, status: true } },
          },
        },
      },
    });
    if (!conversation) throw new AppError('not_found', 'No such conversation.');
    const last = conversation.turns.at(-1);
    const busy = last?.messages.some(
      (message) => message.status === 'pending' || message.status === 'streaming',
    );
    if (busy) {
      throw new AppError('conflict', 'The previous turn is still running; wait or stop it first.');
    }
    const index = (last?.index ?? -1) + 1;
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
      slots: conversation.slots,
      pastTurns: conversation.turns,
    };
  });

  const slotIds = turn.slots.map((slot) => slot.id);
  const messages = [...turn.messages].sort(
    (a, b) => slotIds.indexOf(a.slotId) - slotIds.indexOf(b.slotId),
  );
  const lives = messages.map((message) => {
    const live = new LiveMessage(message.id, message.attempt);
    const slot = turn.slots.find((candidate) => candidate.id === message.slotId);
    if (slot) live.request = prepareRequest({ slot, prompt, pastTurns: turn.pastTurns });
    return live;
  });
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
