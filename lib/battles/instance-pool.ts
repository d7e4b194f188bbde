import 'server-only';
import { db } from '@/lib/db/client';
import { modelKey, type PoolModel } from './pick-pair';

/** The admin's battle pool; null when unset (every model of every reachable backend). */
export async function getInstancePool(): Promise<PoolModel[] | null> {
  const rows = await db.battlePoolEntry.findMany({
    orderBy: [{ backendId: 'asc' }, { model: 'asc' }],
    select: { backendId: true, model: true },
  });
  return rows.length > 0 ? rows : null;
}

/** Sets the instance's battle pool; null clears it (every model again). */
export async function setInstancePool(pool: PoolModel[] | null): Promise<void> {
  const unique = [...new Map((pool ?? []).map((entry) => [modelKey(entry), entry])).values()];
  await db.$transaction([
    db.battlePoolEntry.deleteMany({}),
    db.battlePoolEntry.createMany({ data: unique }),
  ]);
}

/** The models a battle may pick: available ones, within the admin's pool, within the user's. */
export function narrowPool(
  available: PoolModel[],
  ...pools: (PoolModel[] | null | undefined)[]
): PoolModel[] {
  return pools.reduce<PoolModel[]>((models, pool) => {
    if (!pool) return models;
    const keys = new Set(pool.map(modelKey));
    return models.filter((model) => keys.has(modelKey(model)));
  }, available);
}
