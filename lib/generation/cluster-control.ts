import 'server-only';
import { isRunning } from '@/lib/api/message-status';
import { type ClusterChannel, clusterChannel, publishQuietly } from '@/lib/cluster/channel';
import { DEAD_AFTER_MS } from '@/lib/cluster/heartbeat';
import { type Db, db as processDb } from '@/lib/db/client';
import { isSqlite } from '@/lib/db/database-url';
import { isInstanceAlive } from '@/lib/db/instances';
import { recordStop } from './message-state';
import { liveMessages } from './registry';
import { watchForOthers } from './relay';
import { endLive } from './run-message';

/**
 * Stop and delete across instances. The instance that runs a message listens on the cluster
 * channel and ends it when told (its upstream request aborted, the text so far saved as
 * stopped); the one that handled the request tells it, waits for the row to show it, and
 * records the stop itself when nobody answers (the runner died, or the message was lost).
 */

/** How long a Stop waits for the running instance to save the message before recording it. */
const STOP_WAIT_MS = 3_000;
const STOP_POLL_MS = 25;

const store = globalThis as typeof globalThis & { __versusClusterControl?: () => void };

/** Starts answering other instances' requests about the messages this process runs; once. */
export function ensureClusterControl(channel: ClusterChannel = clusterChannel()): void {
  store.__versusClusterControl ??= channel.subscribe((message) => {
    switch (message.type) {
      case 'stop': {
        const live = liveMessages.get(message.messageId);
        if (live) void endLive(live);
        break;
      }
      case 'stop-conversation':
        for (const live of liveMessages.values()) {
          if (live.conversationId === message.conversationId) void endLive(live);
        }
        break;
      case 'watch':
        watchForOthers(channel, message);
        break;
      case 'deltas':
        break;
    }
  });
}

/** Where another instance's request is handled: its database client and channel. */
export interface Elsewhere {
  db: Db;
  channel: ClusterChannel;
}

function processElsewhere(): Elsewhere {
  return { db: processDb, channel: clusterChannel() };
}

/**
 * Stops a running message that this process does not run. Its instance, if alive, is told and
 * given STOP_WAIT_MS to save it; otherwise (or if it does not) the stop is recorded here, and
 * the runner, if any, aborts at its next checkpoint. Resolves once the row is final.
 */
export async function stopElsewhere({
  message,
  via = processElsewhere(),
}: {
  message: { id: string; attempt: number; instanceId: string | null };
  via?: Elsewhere;
}): Promise<void> {
  const { db, channel } = via;
  const runner = message.instanceId;
  if (
    !isSqlite() &&
    runner !== null &&
    runner !== channel.instanceId &&
    (await isInstanceAlive({ id: runner, deadAfterMs: DEAD_AFTER_MS, db }))
  ) {
    publishQuietly(channel, { type: 'stop', messageId: message.id });
    const deadline = Date.now() + STOP_WAIT_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, STOP_POLL_MS));
      const row = await db.message.findUnique({
        where: { id: message.id },
        select: { status: true },
      });
      if (!row || !isRunning(row.status)) return;
    }
  }
  await recordStop({ id: message.id, attempt: message.attempt, db });
}

/**
 * Tells the other instances to stop their messages of a conversation (it is being deleted).
 * Does not wait: the rows go with the conversation, and a runner that missed this aborts at
 * its next checkpoint, which finds its row gone.
 */
export function stopConversationElsewhere({
  conversationId,
  channel = clusterChannel(),
}: {
  conversationId: string;
  channel?: ClusterChannel;
}): void {
  if (isSqlite()) return;
  publishQuietly(channel, { type: 'stop-conversation', conversationId });
}
