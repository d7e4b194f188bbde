import 'server-only';
import type { CreateBackendInput, UpdateBackendInput } from '@/lib/api/inputs';
import type { AdminBackendView } from '@/lib/api/views';
import { maskCredentials } from '@/lib/backends/map-error';
import type { BackendKind } from '@/lib/backends/types';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import type { Backend } from '@/lib/db/generated/sqlite/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { type AuditChanges, type BackendAction, recordBackendChange } from './backend-audit';
import { openHeaders } from './backend-connection';
import { checkAfterChange } from './backend-health';
import { IMPORTED_SOURCE } from './backend-source';
import { seal } from './secret-box';
import { ensureBackendsSynced } from './sync-backends';

/** Backends an admin manages: every one but imported records and removed ones. */
const managed = { source: { not: IMPORTED_SOURCE }, removedAt: null } as const;

function headerNames(row: Backend): string[] {
  try {
    return Object.keys(openHeaders(row.headers) ?? {});
  } catch {
    // Sealed with another VERSUS_SECRET_KEY: there are headers, which cannot be read.
    return ['(unreadable)'];
  }
}

export function toAdminView(row: Backend): AdminBackendView {
  const fromEnv = row.source === 'env';
  const envKey = config.backends.find((backend) => backend.id === row.id)?.apiKey;
  return {
    id: row.id,
    kind: row.kind as BackendKind,
    label: row.label,
    baseUrl: maskCredentials(row.baseUrl),
    source: fromEnv ? 'env' : 'ui',
    enabled: row.enabled,
    hasKey: fromEnv ? Boolean(envKey) : row.apiKey !== null,
    headerNames: headerNames(row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every backend the admin manages, the environment's first, in the order they were added. */
export async function listManagedBackends(): Promise<AdminBackendView[]> {
  await ensureBackendsSynced();
  const configured = new Set(config.backends.map((backend) => backend.id));
  const rows = await db.backend.findMany({ where: managed, orderBy: { createdAt: 'asc' } });
  // An env row whose variable is gone is not a backend any more (listBackends hides it too).
  return rows.filter((row) => row.source !== 'env' || configured.has(row.id)).map(toAdminView);
}

const sealHeaders = (headers: Record<string, string> | null | undefined) =>
  headers && Object.keys(headers).length > 0 ? seal(JSON.stringify(headers)) : null;

export async function createBackend({
  input,
  actorId,
}: {
  input: CreateBackendInput;
  actorId: string;
}): Promise<AdminBackendView> {
  const id = `b-${newId()}`;
  const changes: AuditChanges = {
    kind: { to: input.kind },
    label: { to: input.label },
    baseUrl: { to: maskCredentials(input.baseUrl) },
    enabled: { to: input.enabled },
  };
  if (input.apiKey) changes.apiKey = { changed: true };
  if (input.headers && Object.keys(input.headers).length > 0) changes.headers = { changed: true };
  const [row] = await db.$transaction([
    db.backend.create({
      data: {
        id,
        kind: input.kind,
        label: input.label,
        baseUrl: input.baseUrl,
        apiKey: input.apiKey ? seal(input.apiKey) : null,
        headers: sealHeaders(input.headers),
        enabled: input.enabled,
        source: 'ui',
      },
    }),
    recordBackendChange({ backendId: id, actorId, action: 'create', changes }),
  ]);
  checkAfterChange();
  return toAdminView(row);
}

async function managedRow(id: string): Promise<Backend> {
  const row = await db.backend.findFirst({ where: { id, ...managed } });
  if (!row) throw new AppError('not_found', 'No such backend.');
  return row;
}

function refuseEnvChange(row: Backend, what: string): void {
  if (row.source === 'env') {
    throw new AppError(
      'bad_request',
      `${row.label} comes from the environment: change its ${what} there and restart Versus (here it can be renamed, enabled or disabled).`,
    );
  }
}

/** The action a change is audited as: enabling or disabling alone says so. */
function actionOf(changes: AuditChanges): BackendAction {
  const fields = Object.keys(changes);
  if (fields.length === 1 && fields[0] === 'enabled') {
    return changes.enabled?.to ? 'enable' : 'disable';
  }
  return 'update';
}

export async function updateBackend({
  id,
  input,
  actorId,
}: {
  id: string;
  input: UpdateBackendInput;
  actorId: string;
}): Promise<AdminBackendView> {
  const row = await managedRow(id);
  const data: Partial<Pick<Backend, 'label' | 'baseUrl' | 'apiKey' | 'headers' | 'enabled'>> = {};
  const changes: AuditChanges = {};
  if (input.label !== undefined && input.label !== row.label) {
    data.label = input.label;
    changes.label = { from: row.label, to: input.label };
  }
  if (input.enabled !== undefined && input.enabled !== row.enabled) {
    data.enabled = input.enabled;
    changes.enabled = { from: row.enabled, to: input.enabled };
  }
  if (input.baseUrl !== undefined && input.baseUrl !== row.baseUrl) {
    refuseEnvChange(row, 'address');
    data.baseUrl = input.baseUrl;
    changes.baseUrl = { from: maskCredentials(row.baseUrl), to: maskCredentials(input.baseUrl) };
  }
  if (input.apiKey !== undefined) {
    refuseEnvChange(row, 'API key');
    data.apiKey = input.apiKey === null ? null : seal(input.apiKey);
    if (input.apiKey !== null || row.apiKey !== null) changes.apiKey = { changed: true };
  }
  if (input.headers !== undefined) {
    refuseEnvChange(row, 'headers');
    data.headers = sealHeaders(input.headers);
    if (data.headers !== null || row.headers !== null) changes.headers = { changed: true };
  }
  if (Object.keys(changes).length === 0) return toAdminView(row);
  const [updated] = await db.$transaction([
    db.backend.update({ where: { id }, data }),
    recordBackendChange({ backendId: id, actorId, action: actionOf(changes), changes }),
  ]);
  checkAfterChange();
  return toAdminView(updated);
}

/**
 * Removes a backend from the admin page and the picker. The row stays, without its key: the
 * conversations that used it keep its name and history, and their new prompts fail there.
 */
export async function removeBackend({ id, actorId }: { id: string; actorId: string }) {
  const row = await managedRow(id);
  if (row.source === 'env') {
    throw new AppError(
      'bad_request',
      `${row.label} comes from the environment and would come back at the next start: remove it there, or disable it here.`,
    );
  }
  await db.$transaction([
    db.backend.update({
      where: { id },
      data: { removedAt: new Date(), enabled: false, apiKey: null, headers: null },
    }),
    recordBackendChange({ backendId: id, actorId, action: 'remove', changes: {} }),
  ]);
  checkAfterChange();
}
