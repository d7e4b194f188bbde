'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { api, messageOf } from '@/lib/client/api';
import type { PoolEntry } from './battle-pool';

/** For an admin: make the models ticked above everyone's battle pool, or open it to all again. */
export function InstancePoolControl({
  instancePool,
  selection,
}: {
  instancePool: PoolEntry[] | null;
  /** The models ticked above; null when all are. */
  selection: PoolEntry[] | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const save = async (pool: PoolEntry[] | null) => {
    setError(null);
    try {
      await api.setInstancePool(pool);
      router.refresh();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <div className="grid gap-2 rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <p className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="instance-pool">
        Everyone’s pool (admin):{' '}
        {instancePool ? `${instancePool.length} models` : 'every model of every backend'}.
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={selection === null || selection.length < 2}
          onClick={() => void save(selection)}
          className={buttonClass('secondary', 'sm')}
        >
          Make the ticked models everyone’s pool
        </button>
        {instancePool && (
          <button
            type="button"
            onClick={() => void save(null)}
            className={buttonClass('ghost', 'sm')}
          >
            Open it to every model
          </button>
        )}
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
