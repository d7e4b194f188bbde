import 'server-only';
import { isRunning } from '@/lib/api/message-status';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { type CheckpointRow, writeCheckpoints } from '@/lib/db/message-writes';
import { AppError } from '@/lib/errors';
import type { LiveMessage } from './live-message';
import { liveMessages } from './registry';
import { endLive } from './run-message';

const HEARTBEAT_EVERY_MS = 5_000;
/**
 * The interval is cut into this many ticks, each saving only the messages that are due. A
 * statement stops the thread that relays tokens while it runs (better-sqlite3 is synchronous):
 * 300 rows at once took 7–20 ms, enough to bunch every stream's next token; a tenth of them
 * takes a tenth of that.
 */
const TICKS_PER_INTERVAL = 10;
const MIN_ROWS_PER_TICK = 20;

const store = globalThis as typeof globalThis & { __versusCheckpointer?: NodeJS.Timeout };

function isDue(live: LiveMessage, now: number): boolean {
  if (!live.inDatabase || (live.status !== 'streaming' && live.status !== 'pending')) return false;
  const since = now - live.lastCheckpointAt;
  // Pending messages (queued in a one-at-a-time turn) get heartbeats too, so no other
  // instance takes them for orphans.
  return (live.dirty && since >= config.checkpointMs) || since >= HEARTBEAT_EVERY_MS;
}

/**
 * Saves the partial text of the streaming messages that are due: each message at most once per
 * interval however fast its tokens arrive, so a killed server loses at most about one interval
 * of text. One statement per tick, oldest checkpoints first, a share of the live messages each
 * time so the statements stay short.
 */
export async function checkpointLiveMessages(): Promise<number> {
  const now = Date.now();
  const due = [...liveMessages.values()]
    .filter((live) => isDue(live, now))
    .sort((a, b) => a.lastCheckpointAt - b.lastCheckpointAt)
    .slice(0, Math.max(MIN_ROWS_PER_TICK, Math.ceil(liveMessages.size / TICKS_PER_INTERVAL)));
  const rows: CheckpointRow[] = due.map((live) => {
    live.dirty = false;
    live.lastCheckpointAt = now;
    return {
      id: live.id,
      attempt: live.attempt,
      status: live.status,
      content: live.content,
      reasoning: live.reasoning,
      ...live.metrics,
    };
  });
  if (rows.length === 0) return 0;
  const written = await writeCheckpoints(rows, new Date(now));
  if (written < rows.length) await endWhatEndedElsewhere(due);
  return rows.length;
}

/**
 * A checkpoint that did not match its row means the message was ended elsewhere: stopped by
 * an instance that could not reach this one, taken for dead and interrupted, or deleted with
 * its conversation. Its upstream request is aborted here (it would only spend tokens), and its
 * final write will change nothing: nothing leaves a final state.
 */
async function endWhatEndedElsewhere(lives: LiveMessage[]): Promise<void> {
  const rows = await db.message.findMany({
    where: { id: { in: lives.map((live) => live.id) } },
    select: { id: true, attempt: true, status: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const live of lives) {
    const row = byId.get(live.id);
    if (row && row.attempt === live.attempt && isRunning(row.status)) continue;
    void endLive(live, row?.status === 'interrupted' ? TAKEN_FOR_DEAD : undefined);
  }
}

const TAKEN_FOR_DEAD = new AppError(
  'interrupted',
  'Another instance took this one for dead and kept the text saved so far. Retry to generate it again.',
);

let running = false;

export function ensureCheckpointer(): void {
  if (store.__versusCheckpointer) return;
  store.__versusCheckpointer = setInterval(() => {
    if (running) return;
    running = true;
    checkpointLiveMessages()
      .catch((error: unknown) => console.error('checkpoint failed', error))
      .finally(() => {
        running = false;
      });
  }, config.checkpointMs / TICKS_PER_INTERVAL);
  store.__versusCheckpointer.unref();
}
