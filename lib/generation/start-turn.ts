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
 * Adds a turn: the user's prompt and one assistant message per slot. The upstream requests
 * leave as soon as the conversation is read, and the rows are written (in the same transaction)
 * while the backends work on their first token; generation outlives the request. If the
 * transaction fails, the requests are aborted and nothing of the turn remains.
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
  let committed: { resolve: () => void; reject: (reason: unknown) => void } | undefined;
  const rowsWritten = new Promise<void>((resolve, reject) => {
    committed = { resolve, reject };
  });
  let lives: LiveMessage[] = [];
  try {
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
        throw new AppError(
          'conflict',
          'The previous turn is still running; wait or stop it first.',
        );
      }

      const sequential = conversation.runMode === 'sequential';
      const planned = conversation.slots.map((slot, position) => {
        const live = new LiveMessage(newId(), 1);
        const request = prepareRequest({ slot, prompt, pastTurns: conversation.turns });
        live.request = request;
        live.awaitRow(rowsWritten);
        // One at a time, only the first starts now; the others record their own start.
        live.startRecorded = !sequential || position === 0;
        return { slot, live, request };
      });
      lives = planned.map(({ live }) => live);
      for (const live of lives) registerLive(live);
      launch(lives, conversation.runMode);
      // One turn of the event loop lets the SDKs hand their requests to the sockets before the
      // writes below take the thread.
      await new Promise((resolve) => setImmediate(resolve));

      const now = new Date();
      const created = await tx.turn.create({
        data: {
          id: newId(),
          conversationId,
          index: (last?.index ?? -1) + 1,
          prompt,
          messages: {
            create: planned.map(({ slot, live, request }) => ({
              id: live.id,
              attempt: live.attempt,
              slotId: slot.id,
              params: JSON.stringify(request.params),
              heartbeatAt: now,
              ...(live.startRecorded ? { status: 'streaming', startedAt: now } : {}),
            })),
          },
        },
        include: { messages: true },
      });
      await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: now } });
      return created;
    });
    committed?.resolve();
    const order = lives.map((live) => live.id);
    const messages = [...turn.messages].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    return {
      id: turn.id,
      index: turn.index,
      prompt: turn.prompt,
      createdAt: turn.createdAt.toISOString(),
      messages: messages.map(toMessageView),
    };
  } catch (error) {
    committed?.reject(error);
    for (const live of lives) live.controller.abort(error);
    throw error;
  }
}
