import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { newId } from '@/lib/ids';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A one-time invite: whoever signs up with it is approved at once. Valid for a week. */
export async function createInvite({ createdBy }: { createdBy: string }) {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + WEEK_MS);
  await db.invite.create({ data: { id: newId(), hash: hashOf(token), createdBy, expiresAt } });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** Uses up an invite for a new account; false when it is unknown, used or expired. */
export async function redeemInvite({ token, userId }: { token: string; userId: string }) {
  const { count } = await db.invite.updateMany({
    where: { hash: hashOf(token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date(), usedBy: userId },
  });
  return count === 1;
}

export async function isUsableInvite(token: string): Promise<boolean> {
  const row = await db.invite.findUnique({ where: { hash: hashOf(token) } });
  return row !== null && row.usedAt === null && row.expiresAt > new Date();
}
