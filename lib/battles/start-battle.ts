import 'server-only';
import type { StartBattleInput } from '@/lib/api/inputs';
import { listBackends } from '@/lib/catalog/list-backends';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { BLIND_TITLE } from './blind';
import { getInstancePool, narrowPool } from './instance-pool';
import { type PoolModel, pairKey, pickPair } from './pick-pair';

/** Every model of every backend that answers: the pool when the user has not narrowed it. */
async function availableModels(): Promise<PoolModel[]> {
  const backends = await listBackends();
  return backends.flatMap((backend) =>
    backend.status === 'ok'
      ? backend.models.map((model) => ({ backendId: backend.id, model: model.id }))
      : [],
  );
}

/** Battles so far per pair of models, either way round. */
async function battlesPerPair(): Promise<Map<string, number>> {
  const slots = await db.slot.findMany({
    where: { conversation: { mode: 'battle', importedAt: null } },
    select: { conversationId: true, backendId: true, model: true },
  });
  const sides = new Map<string, PoolModel[]>();
  for (const slot of slots) {
    const list = sides.get(slot.conversationId) ?? [];
    list.push(slot);
    sides.set(slot.conversationId, list);
  }
  const counts = new Map<string, number>();
  for (const [x, y] of sides.values()) {
    if (!x || !y) continue;
    const key = pairKey(x, y);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Starts a blind battle: two different models from the pool (the models of every backend that
 * answers, within the admin's pool if one is set, within the user's choice if they made one),
 * placed at random as A and B. Two models on
 * one backend run one after the other, so neither slows the other down. Returns its id only:
 * the battle's page shows it through the blind projection.
 */
export async function startBattle({
  ownerId,
  voterId,
  input,
}: {
  ownerId: string;
  voterId: string;
  input: StartBattleInput;
}): Promise<{ id: string }> {
  const pool = narrowPool(await availableModels(), await getInstancePool(), input.pool);
  const pair = pickPair(pool, await battlesPerPair());
  if (!pair) {
    throw new AppError(
      'bad_request',
      pool.length === 0
        ? 'No model of the battle pool is available: check the backends or widen the pool.'
        : 'A battle needs at least two different models in the pool.',
    );
  }
  const id = newId();
  await db.conversation.create({
    data: {
      id,
      ownerId,
      voterId,
      mode: 'battle',
      runMode: pair[0].backendId === pair[1].backendId ? 'sequential' : 'parallel',
      title: BLIND_TITLE,
      slots: {
        create: pair.map((side, position) => ({
          id: newId(),
          position,
          backendId: side.backendId,
          model: side.model,
          params: '{}',
        })),
      },
    },
  });
  return { id };
}
