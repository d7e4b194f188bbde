import 'server-only';
import { listBackends } from '@/lib/catalog/list-backends';
import { ensureBackendsSynced } from '@/lib/catalog/sync-backends';
import { clusterChannel } from '@/lib/cluster/channel';
import { startHeartbeat } from '@/lib/cluster/heartbeat';
import { config } from '@/lib/config';
import { isSqlite } from '@/lib/db/database-url';
import { ensureClusterControl } from '@/lib/generation/cluster-control';
import { interruptAll } from '@/lib/generation/control';
import { interruptOrphans } from '@/lib/generation/message-state';
import { releaseAbandonedClaims } from '@/lib/generation/turn-claims';
import { closeGate } from '@/lib/http/gate';
import { releaseSuiteRuns, resumeSuiteRuns } from '@/lib/suites/runs/driver';

const ORPHAN_SWEEP_MS = 15_000;
const STALE_AFTER_MS = 20_000;
/** How often an instance looks for suite runs whose driver is gone (their lease has passed). */
const SUITE_RUN_SWEEP_MS = 10_000;

// The heartbeat's stop, on globalThis like the other per-process state.
const store = globalThis as typeof globalThis & { __versusHeartbeat?: () => Promise<void> };

/** Marks what dead processes left unfinished; returns how many messages and claims it found. */
async function sweep(staleAfterMs: number | null) {
  const messages = await interruptOrphans({ staleAfterMs });
  const claims = await releaseAbandonedClaims({ staleAfterMs });
  return { messages, claims };
}

/** Start-up work of one server process: backends, orphaned messages. */
export async function startServerTasks(): Promise<void> {
  await ensureBackendsSynced();
  // Lists every backend's models in the background: the first turn then finds them cached
  // instead of listing beside its own requests, and the SDKs' first, slow call is not a turn's.
  listBackends().catch((error: unknown) => console.error('model listing at start failed', error));
  if (isSqlite()) {
    // One process owns an SQLite file: whatever was unfinished belonged to a dead process.
    const found = await sweep(null);
    if (found.messages > 0) {
      console.log(`Marked ${found.messages} unfinished message(s) as interrupted.`);
    }
    // After the sweep: a run's interrupted answers are asked again.
    await resumeRuns({ sole: true });
    return;
  }
  // Several instances may share PostgreSQL: each beats, and marks the messages of one that has
  // gone quiet as interrupted within seconds (lib/cluster/heartbeat.ts); each listens for the
  // Stops that others pass on for the messages it runs.
  store.__versusHeartbeat ??= await startHeartbeat();
  ensureClusterControl();
  await clusterChannel().ready();
  if (!config.authSecret) {
    console.warn(
      'VERSUS_AUTH_SECRET is not set: on PostgreSQL, set it to the same value on every instance. Each instance otherwise signs sessions with its own data/auth-secret, and the others refuse them.',
    );
  }
  // Rows without an instance (written before instances beat) and abandoned turn claims.
  const periodic = () =>
    sweep(STALE_AFTER_MS).catch((error: unknown) => console.error('orphan sweep failed', error));
  await periodic();
  setInterval(periodic, ORPHAN_SWEEP_MS).unref();
  await resumeRuns();
  setInterval(() => void resumeRuns(), SUITE_RUN_SWEEP_MS).unref();
}

/** Drives the suite runs left without a driver (a restart, a dead instance). */
async function resumeRuns({ sole = false } = {}): Promise<void> {
  try {
    const count = await resumeSuiteRuns({ sole });
    if (count > 0) console.log(`Resumed ${count} suite run(s).`);
  } catch (error) {
    console.error('resuming suite runs failed', error);
  }
}

/**
 * A clean stop (SIGTERM, SIGINT): refuse new requests, end every running message as
 * interrupted with its text saved, so nothing is lost and nothing is left "streaming".
 */
export async function stopServerTasks(): Promise<void> {
  closeGate();
  await releaseSuiteRuns().catch((error: unknown) =>
    console.error('releasing suite runs failed', error),
  );
  const count = await interruptAll();
  if (count > 0) console.log(`Saved ${count} unfinished message(s) as interrupted.`);
  // A clean exit is not a death: the others need not wait for the beat to go quiet.
  await store.__versusHeartbeat?.();
}
