import 'server-only';
import { z } from 'zod';
import type { BackendConnection, BackendKind } from '@/lib/backends/types';
import { config } from '@/lib/config';
import { AppError, toAppError } from '@/lib/errors';
import { open } from './secret-box';

/** What a Backend row holds of how to reach it (a Prisma row, or the turn context's JSON). */
export interface BackendRow {
  id: string;
  kind: string;
  label: string;
  baseUrl: string;
  apiKey: string | null;
  headers?: string | null;
  source: string;
  enabled?: boolean;
  removedAt?: Date | string | number | null;
}

const headersSchema = z.record(z.string(), z.string());

/** A row's extra headers, opened; none when it has none. */
export function openHeaders(sealed: string | null | undefined): Record<string, string> | undefined {
  return sealed ? headersSchema.parse(JSON.parse(open(sealed))) : undefined;
}

/**
 * How to reach a backend. A backend from the environment keeps its key there (the row holds
 * none); one added on the admin page holds it sealed.
 */
export function connectionOf(row: BackendRow): BackendConnection {
  const apiKey =
    row.source === 'env'
      ? (config.backends.find((backend) => backend.id === row.id)?.apiKey ?? null)
      : row.apiKey && open(row.apiKey);
  return {
    kind: row.kind as BackendKind,
    baseUrl: row.baseUrl,
    apiKey,
    label: row.label,
    headers: openHeaders(row.headers),
  };
}

/**
 * Why nothing may be sent to this backend, or null when something may: it came with an imported
 * conversation (no address), or an admin disabled or removed it. Checked before any request
 * leaves: an SDK given no address would fall back to its default server.
 */
export function unavailableBackend(row: BackendRow): AppError | null {
  if (!row.baseUrl) {
    return new AppError(
      'backend_unreachable',
      'This backend came with an imported conversation and is not configured on this instance, so nothing was sent. Start a new comparison with a backend configured here to ask this model.',
    );
  }
  if (row.removedAt) {
    return new AppError(
      'backend_unreachable',
      `${row.label} was removed by an admin, so nothing was sent. Start a new comparison with another backend.`,
    );
  }
  if (row.enabled === false) {
    return new AppError(
      'backend_unreachable',
      `${row.label} is disabled by an admin, so nothing was sent. Ask an admin to enable it, or start a new comparison with another backend.`,
    );
  }
  return null;
}

/**
 * The connection a slot's request goes out on, or why none may: the connection then has no
 * address, so that nothing can reach a default server by mistake.
 */
export function resolveBackend(row: BackendRow): {
  connection: BackendConnection;
  unavailable: AppError | null;
} {
  const closed = (unavailable: AppError) => ({
    connection: { kind: row.kind as BackendKind, baseUrl: '', label: row.label },
    unavailable,
  });
  const unavailable = unavailableBackend(row);
  if (unavailable) return closed(unavailable);
  try {
    return { connection: connectionOf(row), unavailable: null };
  } catch (error) {
    return closed(toAppError(error));
  }
}
