import 'server-only';
import { type ConfiguredBackend, config } from '@/lib/config';
import { db } from '@/lib/db/client';

/** Mirrors the environment's backends into the Backend table, so slots can reference them. */
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
          apiKey: backend.apiKey ?? null,
          source: 'env',
        },
        update: {
          kind: backend.kind,
          label: backend.label,
          baseUrl: backend.baseUrl,
          apiKey: backend.apiKey ?? null,
        },
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
