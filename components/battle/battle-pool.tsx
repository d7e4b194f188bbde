'use client';

import type { BackendView } from '@/lib/api/views';

export type PoolKey = string;
export type PoolEntry = { backendId: string; model: string };
export const poolKey = (backendId: string, model: string): PoolKey => `${backendId}\t${model}`;

export function entryOf(key: PoolKey): PoolEntry {
  const [backendId = '', model = ''] = key.split('\t');
  return { backendId, model };
}

/** The backends with only the models of `pool` (all of them when there is none). */
export function withinPool(backends: BackendView[], pool: PoolEntry[] | null): BackendView[] {
  if (!pool) return backends;
  const keys = new Set(pool.map((entry) => poolKey(entry.backendId, entry.model)));
  return backends.map((backend) => ({
    ...backend,
    models: backend.models.filter((model) => keys.has(poolKey(backend.id, model.id))),
  }));
}

/**
 * The models a battle may pick from, by backend, each with a box. Every model is in by
 * default; the choice is this browser's (kept for "New battle").
 */
export function BattlePool({
  backends,
  chosen,
  onChange,
}: {
  backends: BackendView[];
  chosen: ReadonlySet<PoolKey>;
  onChange: (chosen: Set<PoolKey>) => void;
}) {
  const toggle = (keys: PoolKey[], on: boolean) => {
    const next = new Set(chosen);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    onChange(next);
  };
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {backends
        .filter((backend) => backend.status === 'ok' && backend.models.length > 0)
        .map((backend) => {
          const keys = backend.models.map((model) => poolKey(backend.id, model.id));
          const all = keys.every((key) => chosen.has(key));
          return (
            <fieldset
              key={backend.id}
              className="min-w-0 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <legend className="px-1 text-xs font-semibold">{backend.label}</legend>
              <label className="flex min-h-7 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                <input
                  type="checkbox"
                  checked={all}
                  onChange={(event) => toggle(keys, event.target.checked)}
                  className="accent-zinc-900 dark:accent-zinc-100"
                />
                All of {backend.label}
              </label>
              <ul className="grid">
                {backend.models.map((model) => {
                  const key = poolKey(backend.id, model.id);
                  return (
                    <li key={key}>
                      <label className="flex min-h-7 min-w-0 items-center gap-2 text-[13px]">
                        <input
                          type="checkbox"
                          data-testid="pool-model"
                          checked={chosen.has(key)}
                          onChange={(event) => toggle([key], event.target.checked)}
                          className="accent-zinc-900 dark:accent-zinc-100"
                        />
                        <span className="truncate font-mono" title={model.id}>
                          {model.id}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
    </div>
  );
}
