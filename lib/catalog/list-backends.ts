import 'server-only';
import type { BackendView } from '@/lib/api/views';
import { maskCredentials } from '@/lib/backends/map-error';
import type { BackendKind } from '@/lib/backends/types';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { toAppError } from '@/lib/errors';
import { connectionOf } from './backend-connection';
import { usableBackend } from './backend-source';
import { listModels } from './model-cache';
import { ensureBackendsSynced } from './sync-backends';

/**
 * Every enabled backend with its live status and models; one failing never hides another.
 */
export async function listBackends({ fresh = false } = {}): Promise<BackendView[]> {
  await ensureBackendsSynced();
  const configured = new Set(config.backends.map((backend) => backend.id));
  const rows = await db.backend.findMany({
    where: usableBackend,
    orderBy: { createdAt: 'asc' },
  });
  const active = rows.filter((row) => row.source !== 'env' || configured.has(row.id));
  return Promise.all(
    active.map(async (row): Promise<BackendView> => {
      const base = {
        id: row.id,
        kind: row.kind as BackendKind,
        label: row.label,
        baseUrl: maskCredentials(row.baseUrl),
      };
      try {
        const models = await listModels(connectionOf(row), { fresh });
        return { ...base, status: 'ok', error: null, models };
      } catch (error) {
        const appError = toAppError(error);
        return {
          ...base,
          status: 'error',
          error: { code: appError.code, message: appError.message },
          models: [],
        };
      }
    }),
  );
}
