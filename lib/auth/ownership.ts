import 'server-only';
import { db } from '@/lib/db/client';

/** How many of `ids` (distinct, at least one) the viewer may use: one indexed query. */
type CountOwned = (viewerId: string, ids: string[]) => Promise<number>;

const owned = (noun: string, countOwned: CountOwned) => ({ noun, countOwned });

/**
 * Every kind of resource a route's parameter can name (lib/http/api-routes.ts, page-routes.ts),
 * with the noun of its 404 ("No such conversation.") and the one query that counts how many of
 * the given ids the viewer owns. The gate asks it before any handler or page runs. A new kind
 * is one entry here.
 */
export const OWNED_RESOURCES = {
  conversation: owned('conversation', (ownerId, ids) =>
    db.conversation.count({ where: { id: { in: ids }, ownerId } }),
  ),
  // Joins the turn and the conversation by their primary keys.
  message: owned('message', (ownerId, ids) =>
    db.message.count({ where: { id: { in: ids }, turn: { conversation: { ownerId } } } }),
  ),
  apiToken: owned('token', (userId, ids) =>
    db.apiToken.count({ where: { id: { in: ids }, userId } }),
  ),
  // A revoked share is gone for its owner too.
  share: owned('share', (ownerId, ids) =>
    db.share.count({ where: { id: { in: ids }, ownerId, revokedAt: null } }),
  ),
  suite: owned('suite', (ownerId, ids) => db.suite.count({ where: { id: { in: ids }, ownerId } })),
  suiteRun: owned('suite run', (ownerId, ids) =>
    db.suiteRun.count({ where: { id: { in: ids }, ownerId } }),
  ),
} satisfies Record<string, { noun: string; countOwned: CountOwned }>;

export type OwnedResource = keyof typeof OWNED_RESOURCES;

/**
 * Whether the viewer owns every one of `ids`; when not, the noun to answer "No such …" with. No
 * ids (a query parameter left out) leaves the handler to refuse the request.
 */
export async function ownsAll({
  viewerId,
  resource,
  ids,
}: {
  viewerId: string;
  resource: OwnedResource;
  ids: string[];
}): Promise<{ owned: true } | { owned: false; noun: string }> {
  const distinct = [...new Set(ids)];
  const { noun, countOwned } = OWNED_RESOURCES[resource];
  if (distinct.length === 0 || (await countOwned(viewerId, distinct)) === distinct.length) {
    return { owned: true };
  }
  return { owned: false, noun };
}
