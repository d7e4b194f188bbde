import 'server-only';
import { type ConfiguredBackend, config } from '@/lib/config';
import { db } from '@/lib/db/client';

/**
 * Mirrors the environment's backends into the Backend table, so slots can reference them. Their
 * keys stay in the environment (lib/catalog/backend-connection.ts reads them there), and a key a
 * row held from earlier versions is cleared. The name is the environment's until an admin
 * renames it on the Backends page: a restart keeps the new name.
 */
export async function syncBackends(backends: ConfiguredBackend[] = config.backends): Promise<void> {
  await db.$transaction(
    backends.map((backend) =>
      db.backend.upsert({
        where: { id: backend.id },
        create: {
          id: backend.id,
          kind: backend.kind,
          label: backend.label,
          baseUrl: backend.baseUrl,
          source: 'env',
        },
        update: { kind: backend.kind, baseUrl: backend.baseUrl, apiKey: null, headers: null },
      }),
    ),
  );
}

let synced: Promise<void> | undefined;

/** Once per process; later calls share the first sync. */
export function ensureBackendsSynced(): Promise<void> {
  synced ??= syncBackends().catch((error: unknown) => {
    synced = undefined;
    throw error;
  });
  return synced;
}
