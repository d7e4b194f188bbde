import 'server-only';
import { listBackends } from '@/lib/catalog/list-backends';
import { ensureBackendsSynced } from '@/lib/catalog/sync-backends';
import { config } from '@/lib/config';
import { isSqlite } from '@/lib/db/database-url';
import { interruptOrphans } from '@/lib/generation/recover';

const ORPHAN_SWEEP_MS = 15_000;
const STALE_AFTER_MS = 20_000;

/** Start-up work of one server process: backends, orphaned messages, the exposure warning. */
export async function startServerTasks(): Promise<void> {
  if (config.exposed) {
    console.warn(
      `WARNING: Versus listens on ${config.host} and has no accounts yet: anyone who can reach it can read every conversation and spend your API keys.`,
    );
  }
  await ensureBackendsSynced();
  // Lists every backend's models in the background: the first turn then finds them cached
  // instead of listing beside its own requests, and the SDKs' first, slow call is not a turn's.
  listBackends().catch((error: unknown) => console.error('model listing at start failed', error));
  if (isSqlite()) {
    // One process owns an SQLite file: whatever was unfinished belonged to a dead process.
    const count = await interruptOrphans({ staleAfterMs: null });
    if (count > 0) console.log(`Marked ${count} unfinished message(s) as interrupted.`);
    return;
  }
  const sweep = () =>
    interruptOrphans({ staleAfterMs: STALE_AFTER_MS }).catch((error: unknown) =>
      console.error('orphan sweep failed', error),
    );
  await sweep();
  setInterval(sweep, ORPHAN_SWEEP_MS).unref();
}
