import 'server-only';
import type { MessageView } from '@/lib/api/views';
import { toMessageView } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { LiveMessage } from './live-message';
import { emptyMetrics } from './metrics';
import { liveMessages } from './registry';
import { registerLive, runMessage } from './run-message';

async function ownedMessage({ id, ownerId }: { id: string; ownerId: string }) {
  const message = await db.message.findFirst({
    where: { id, turn: { conversation: { ownerId } } },
  });
  if (!message) throw new AppError('not_found', 'No such message.');
  return message;
}

/** Stops one message: aborts only its upstream request and keeps the text received so far. */
export async function stopMessage({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<MessageView> {
  const message = await ownedMessage({ id, ownerId });
  const live = liveMessages.get(id);
  if (live) {
    live.controller.abort();
    // A pending message that never started is finished here rather than when its turn comes.
    await (live.started ? live.settled : runMessage(live));
  } else if (message.status === 'pending' || message.status === 'streaming') {
    // Not running in this process (it died, or another instance runs it): record the stop.
    await db.message.updateMany({
      where: { id, attempt: message.attempt, status: { in: ['pending', 'streaming'] } },
      data: { status: 'stopped', finishedAt: new Date() },
    });
  }
  return toMessageView(await db.message.findUniqueOrThrow({ where: { id } }));
}

/** Starts a finished message over with the slot's current parameters; attempt goes up by one. */
export async function retryMessage({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<MessageView> {
  const message = await ownedMessage({ id, ownerId });
  if (liveMessages.has(id) || message.status === 'pending' || message.status === 'streaming') {
    throw new AppError('conflict', 'This message is still running; stop it before retrying.');
  }
  const { count } = await db.message.updateMany({
    where: { id, attempt: message.attempt },
    data: {
      attempt: message.attempt + 1,
      status: 'pending',
      content: '',
      reasoning: '',
      errorCode: null,
      errorMessage: null,
      finishReason: null,
      ...emptyMetrics,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: new Date(),
    },
  });
  if (count === 0) throw new AppError('conflict', 'This message changed meanwhile; reload.');
  const live = new LiveMessage(id, message.attempt + 1);
  registerLive(live);
  void runMessage(live);
  return toMessageView(await db.message.findUniqueOrThrow({ where: { id } }));
}

/** Stops every message of a conversation that this process is generating (before deleting it). */
export async function stopConversation({ conversationId }: { conversationId: string }) {
  const running = await db.message.findMany({
    where: { turn: { conversationId }, status: { in: ['pending', 'streaming'] } },
    select: { id: true },
  });
  await Promise.all(
    running.map(async ({ id }) => {
      const live = liveMessages.get(id);
      if (!live) return;
      live.controller.abort();
      await (live.started ? live.settled : runMessage(live));
    }),
  );
}
