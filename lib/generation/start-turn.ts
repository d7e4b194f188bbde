import 'server-only';
import { isRunning } from '@/lib/api/message-status';
import type { TurnView } from '@/lib/api/views';
import { instanceId } from '@/lib/cluster/instance';
import { db } from '@/lib/db/client';
import { readTurnContext } from '@/lib/db/turn-context';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { LiveMessage } from './live-message';
import { emptyMetrics } from './metrics';
import { prepareRequest } from './prepare-request';
import { registerLive, runMessage } from './run-message';
import { claimTurn, releaseClaim } from './turn-claims';

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

/** How long the turn's write waits for backends that are slow to answer (a model loading). */
const ANSWER_WAIT_MS = 25;

/**
 * Resolves once every backend has answered its request (status line and headers), or after
 * ANSWER_WAIT_MS. The turn's write takes the thread for 3–13 ms. Written as soon as the SDKs
 * were handed the requests, it held them back: they were still being built in microtasks, or
 * waiting for a connection to open, and reached the fake backend 2.4–6.8 ms after fetch was
 * called. Written once the bytes were on the socket, it still slowed the backend reading them
 * on this 2-core machine: waiting for the answer took the bench's added time to first token
 * from 5.4–6.3 to 4.9–6.3 ms at p50 and from 11.8–13.5 to 10.8–11.5 ms at p95 (three runs each).
 */
async function requestsAnswered(lives: LiveMessage[]): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capped = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ANSWER_WAIT_MS);
  });
  await Promise.race([Promise.all(lives.map((live) => live.answered)), capped]);
  clearTimeout(timer);
}

/**
 * Adds a turn: the user's prompt and one assistant message per slot. The turn's index is
 * claimed first (one small insert): of two prompts racing for the same conversation, even on
 * two instances, only one gets past it, and the other is refused before any upstream request
 * leaves. Then the requests go out, and the messages are written (in one transaction) once
 * the backends have answered them, while they work on their first token; generation outlives
 * the request. If that write fails, the requests are aborted and nothing of the turn remains.
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
  // The whole history, once for every slot: each request is then built without a query.
  const conversation = await readTurnContext(conversationId, ownerId);
  if (!conversation) throw new AppError('not_found', 'No such conversation.');
  if (conversation.revealed) {
    throw new AppError(
      'conflict',
      'This battle is over: its vote revealed the models. Start a new one.',
    );
  }
  const blind = conversation.mode === 'battle';
  const last = conversation.turns.at(-1);
  if (last && last.messages.length === 0) {
    throw new AppError('conflict', 'Another prompt is being sent to this conversation.');
  }
  if (last?.messages.some((message) => isRunning(message.status))) {
    throw new AppError('conflict', 'The previous turn is still running; wait or stop it first.');
  }
  const turnId = newId();
  const index = (last?.index ?? -1) + 1;
  const now = new Date();
  await claimTurn({ id: turnId, conversationId, index, prompt, createdAt: now });

  let committed: { resolve: () => void; reject: (reason: unknown) => void } | undefined;
  const rowsWritten = new Promise<void>((resolve, reject) => {
    committed = { resolve, reject };
  });
  const sequential = conversation.runMode === 'sequential';
  const planned = conversation.slots.map((slot, position) => {
    const live = new LiveMessage(newId(), 1);
    live.blind = blind;
    live.conversationId = conversationId;
    const request = prepareRequest({ slot, prompt, pastTurns: conversation.turns });
    live.request = request;
    live.awaitRow(rowsWritten);
    // One at a time, only the first starts now; the others record their own start.
    live.startRecorded = !sequential || position === 0;
    return { slot, live, request };
  });
  const lives = planned.map(({ live }) => live);
  for (const live of lives) registerLive(live);
  launch(lives, conversation.runMode);
  await requestsAnswered(lives.filter((live) => live.startRecorded));

  try {
    // Nothing is read back: the new rows hold only what is written here.
    await db.$transaction([
      db.message.createMany({
        data: planned.map(({ slot, live, request }) => ({
          id: live.id,
          turnId,
          attempt: live.attempt,
          slotId: slot.id,
          params: JSON.stringify(request.params),
          heartbeatAt: now,
          instanceId,
          ...(live.startRecorded ? { status: 'streaming', startedAt: now } : {}),
        })),
      }),
      db.conversation.updateMany({ where: { id: conversationId }, data: { updatedAt: now } }),
    ]);
    committed?.resolve();
  } catch (error) {
    committed?.reject(error);
    for (const live of lives) live.controller.abort(error);
    await releaseClaim(turnId);
    throw error;
  }
  return {
    id: turnId,
    index,
    prompt,
    createdAt: now.toISOString(),
    messages: planned.map(({ slot, live, request }) => ({
      id: live.id,
      turnId,
      slotId: slot.id,
      attempt: live.attempt,
      status: live.startRecorded ? 'streaming' : 'pending',
      content: '',
      reasoning: '',
      error: null,
      finishReason: null,
      params: request.params,
      modelInfo: {},
      metrics: emptyMetrics,
      shown: true,
    })),
    verdict: null,
  };
}
