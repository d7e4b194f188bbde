import 'server-only';
import { config } from '@/lib/config';
import { type CheckpointRow, writeCheckpoints } from '@/lib/db/checkpoint-writes';
import { liveMessages } from './registry';

const HEARTBEAT_EVERY_MS = 5_000;

const store = globalThis as typeof globalThis & { __versusCheckpointer?: NodeJS.Timeout };

/**
 * Writes the partial text of every streaming message once per interval, in one statement:
 * a killed server loses at most one interval of text, and the database sees at most one write
 * per message per interval however fast tokens arrive.
 */
export async function checkpointLiveMessages(): Promise<number> {
  const now = Date.now();
  const rows: CheckpointRow[] = [];
  for (const live of liveMessages.values()) {
    // Pending messages (queued in a one-at-a-time turn) get heartbeats too, so no other
    // instance takes them for orphans.
    if (live.status !== 'streaming' && live.status !== 'pending') continue;
    const heartbeatDue = now - live.lastCheckpointAt >= HEARTBEAT_EVERY_MS;
    if (!live.dirty && !heartbeatDue) continue;
    live.dirty = false;
    live.lastCheckpointAt = now;
    rows.push({
      id: live.id,
      attempt: live.attempt,
      status: live.status,
      content: live.content,
      reasoning: live.reasoning,
      ...live.metrics,
    });
  }
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
  }, config.checkpointMs);
  store.__versusCheckpointer.unref();
}
