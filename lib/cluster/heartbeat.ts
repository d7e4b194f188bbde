import 'server-only';
import { type Db, db as processDb } from '@/lib/db/client';
import { beat, forgetInstances } from '@/lib/db/instances';
import { interruptDeadInstances } from '@/lib/generation/message-state';
import { instanceId } from './instance';

/** How often an instance on PostgreSQL records that it is alive. */
export const BEAT_EVERY_MS = 2_000;
/**
 * An instance silent for this long is taken for dead, and its running messages are marked
 * interrupted. Two and a half beats: one late beat (a busy event loop, a slow commit) is not
 * death; an instance that is only slow finds its messages ended and aborts them.
 */
export const DEAD_AFTER_MS = 5_000;
/** A dead instance's row is kept this long (its messages were dealt with long before). */
const FORGET_AFTER_MS = 60 * 60_000;

/**
 * Beats for this instance and, each time, marks the running messages of instances that have
 * gone quiet as interrupted (every live instance sweeps: whichever comes first does it, the
 * others find nothing). Returns the function that stops it and forgets the instance.
 */
export async function startHeartbeat({
  id = instanceId,
  db = processDb,
  everyMs = BEAT_EVERY_MS,
}: {
  id?: string;
  db?: Db;
  everyMs?: number;
} = {}): Promise<() => Promise<void>> {
  let beats = 0;
  const tick = async () => {
    await beat({ id, db });
    const interrupted = await interruptDeadInstances({ deadAfterMs: DEAD_AFTER_MS, db });
    if (interrupted > 0) {
      console.log(`Marked ${interrupted} message(s) of a silent instance as interrupted.`);
    }
    beats += 1;
    if (beats % 100 === 0) await forgetInstances({ forgetAfterMs: FORGET_AFTER_MS, db });
  };
  await tick();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((error: unknown) => console.error('heartbeat failed', error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await forgetInstances({ id, db });
  };
}
