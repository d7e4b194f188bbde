import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';

// Personal API tokens for scripts: `Authorization: Bearer vs_…`. The token is shown once; only
// its SHA-256 is kept (a token is 256 random bits, so a fast hash is enough: nothing to guess).
const PREFIX = 'vs_';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  createdAt: string;
}

const columns = { id: true, name: true, prefix: true, lastUsedAt: true, createdAt: true } as const;

function toView(row: {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  createdAt: Date;
}): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A new token for the user; the only time its text is known. */
export async function createApiToken({
  userId,
  name,
}: {
  userId: string;
  name: string;
}): Promise<{ token: string; apiToken: ApiTokenView }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db.apiToken.create({
    data: { id: newId(), userId, name, hash: hashOf(token), prefix: token.slice(0, 10) },
    select: columns,
  });
  return { token, apiToken: toView(row) };
}

export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: columns,
  });
  return rows.map(toView);
}

export async function revokeApiToken({
  userId,
  id,
}: {
  userId: string;
  id: string;
}): Promise<void> {
  const { count } = await db.apiToken.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError('not_found', 'No such token.');
}

/** The user a token belongs to, if the token is known and its account may act. */
export async function userOfApiToken(token: string) {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { hash: hashOf(token) },
    select: {
      id: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, role: true, approved: true, banned: true } },
    },
  });
  if (!row?.user.approved || row.user.banned) return null;
  // At most once a minute: a script's every request need not write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
