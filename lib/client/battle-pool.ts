'use client';

import type { StartBattleInput } from '@/lib/api/inputs';
import { api } from './api';

// The battle pool the user chose last, kept in this browser: "New battle" starts from it.
const KEY = 'versus:battle-pool';

type Pool = NonNullable<StartBattleInput['pool']>;

export function savedPool(): Pool | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!Array.isArray(parsed)) return undefined;
    const pool = parsed.filter(
      (entry): entry is Pool[number] =>
        typeof entry?.backendId === 'string' && typeof entry?.model === 'string',
    );
    return pool.length >= 2 ? pool : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers a narrowed pool; `undefined` (every model) forgets it. */
export function savePool(pool: Pool | undefined): void {
  if (pool) localStorage.setItem(KEY, JSON.stringify(pool));
  else localStorage.removeItem(KEY);
}

/** Starts a battle from the saved pool (every model when there is none); its id. */
export async function startBattleFromSavedPool(): Promise<string> {
  const { battle } = await api.startBattle({ pool: savedPool() });
  return battle.id;
}
