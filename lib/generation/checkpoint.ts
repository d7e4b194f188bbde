import 'server-only';
import { config } from '@/lib/config';
import { type CheckpointRow, writeCheckpoints } from '@/lib/db/message-writes';
import type { LiveMessage } from './live-message';
import { liveMessages } from './registry';

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
  if (rows.length > 0) await writeCheckpoints(rows, new Date(now));
  return rows.length;
}

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
