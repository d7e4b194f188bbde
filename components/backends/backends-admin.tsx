'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import type { AdminBackendView, BackendAuditView } from '@/lib/api/views';
import { messageOf } from '@/lib/client/api';
import { backendsApi } from '@/lib/client/backends-api';
import { useBackendHealth } from '@/lib/client/use-backend-health';
import { BackendChanges } from './backend-changes';
import { type BackendDraft, BackendForm } from './backend-form';
import { BackendRow } from './backend-row';

/**
 * The admin's backends: every one, the environment's marked, each with its live status; add,
 * edit, rename, enable, disable, remove, test; and who changed what.
 */
export function BackendsAdmin({
  initialBackends,
  initialChanges,
  canStoreKeys,
}: {
  initialBackends: AdminBackendView[];
  initialChanges: BackendAuditView[];
  canStoreKeys: boolean;
}) {
  const [backends, setBackends] = useState(initialBackends);
  const [changes, setChanges] = useState(initialChanges);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(initialBackends.length === 0);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const health = useBackendHealth(true, version);

  const reload = async () => {
    try {
      const listed = await backendsApi.list();
      setBackends(listed.backends);
      setChanges(listed.changes);
      setVersion((now) => now + 1);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const add = async (draft: BackendDraft) => {
    await backendsApi.create({ ...draft, apiKey: draft.apiKey ?? null, enabled: true });
    setAdding(false);
    await reload();
  };

  const save = (backend: AdminBackendView) => async (draft: BackendDraft) => {
    await backendsApi.update(backend.id, {
      label: draft.label,
      ...(backend.source === 'ui' && draft.baseUrl !== backend.baseUrl
        ? { baseUrl: draft.baseUrl }
        : {}),
      ...(draft.apiKey !== undefined ? { apiKey: draft.apiKey } : {}),
      ...(draft.headers !== undefined ? { headers: draft.headers } : {}),
    });
    setEditing(null);
    await reload();
  };

  return (
    <div className="mx-auto grid w-full max-w-4xl gap-6 px-3 py-5 sm:px-6">
      <ErrorNote message={error} />
      {!canStoreKeys && (
        <p
          data-testid="no-secret-key"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          API keys and headers cannot be stored: Versus keeps them only encrypted, with{' '}
          <code>VERSUS_SECRET_KEY</code>. Make one with <code>openssl rand -base64 32</code>, set it
          in the environment and restart. Backends without a key can be added now.
        </p>
      )}
      <section aria-labelledby="backends-title" className="grid gap-2">
        <div className="flex items-center gap-2">
          <h2 id="backends-title" className="text-sm font-semibold">
            Backends
          </h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Status checked every 20 s; keys never leave the server.
          </p>
        </div>
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {backends.map((backend) =>
            editing === backend.id ? (
              <li key={backend.id} className="p-2">
                <BackendForm
                  editing={backend}
                  canStoreKeys={canStoreKeys}
                  onSave={save(backend)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <BackendRow
                key={backend.id}
                backend={backend}
                health={health?.get(backend.id)}
                onEdit={() => setEditing(backend.id)}
                onToggle={async () => {
                  await backendsApi.update(backend.id, { enabled: !backend.enabled });
                  await reload();
                }}
                onRemove={async () => {
                  await backendsApi.remove(backend.id);
                  await reload();
                }}
                onChanged={() => void reload()}
              />
            ),
          )}
          {backends.length === 0 && (
            <li className="px-3 py-2.5 text-sm text-zinc-600 dark:text-zinc-400">
              No backends yet: add one below.
            </li>
          )}
        </ul>
      </section>
      <section aria-labelledby="add-title" className="grid gap-2">
        <h2 id="add-title" className="text-sm font-semibold">
          Add a backend
        </h2>
        {adding ? (
          <BackendForm
            editing={null}
            canStoreKeys={canStoreKeys}
            onSave={add}
            onCancel={backends.length > 0 ? () => setAdding(false) : undefined}
          />
        ) : (
          <div>
            <button
              type="button"
              data-testid="add-backend"
              onClick={() => setAdding(true)}
              className={buttonClass('secondary', 'md')}
            >
              Add a backend
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="changes-title" className="grid gap-2">
        <h2 id="changes-title" className="text-sm font-semibold">
          Recent changes
        </h2>
        <BackendChanges changes={changes} />
      </section>
    </div>
  );
}
