import 'server-only';
import { z } from 'zod';
import type { BackendAuditView } from '@/lib/api/views';
import { db } from '@/lib/db/client';
import { newId } from '@/lib/ids';

export type BackendAction =
  | 'create'
  | 'update'
  | 'enable'
  | 'disable'
  | 'remove'
  | 'pull'
  | 'delete-model';

/** Field → { from, to }, or { changed: true } where the value is a secret. */
export type AuditChanges = Record<string, { from?: unknown; to?: unknown; changed?: true }>;

/** Records one change (a query to run in the change's own transaction). */
export function recordBackendChange({
  backendId,
  actorId,
  action,
  changes,
}: {
  backendId: string;
  actorId: string;
  action: BackendAction;
  changes: AuditChanges;
}) {
  return db.backendAudit.create({
    data: { id: newId(), backendId, actorId, action, changes: JSON.stringify(changes) },
  });
}

const changesSchema = z.record(z.string(), z.unknown());

/** The latest changes to every backend, newest first, with who made them. */
export async function listBackendChanges({ take = 50 } = {}): Promise<BackendAuditView[]> {
  const rows = await db.backendAudit.findMany({
    orderBy: { createdAt: 'desc' },
    take,
    include: { backend: { select: { label: true } } },
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return rows.map((row) => ({
    id: row.id,
    backendId: row.backendId,
    backendLabel: row.backend.label,
    actorName: names.get(row.actorId) ?? 'a removed account',
    action: row.action,
    changes: changesSchema.parse(JSON.parse(row.changes)),
    createdAt: row.createdAt.toISOString(),
  }));
}
