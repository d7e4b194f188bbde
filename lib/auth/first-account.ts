import 'server-only';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { LOCAL_USER_ID } from '@/lib/users';

/** No account has claimed the instance yet: the next one is the admin. */
export async function isFirstAccount(): Promise<boolean> {
  return (await db.firstAccount.count()) === 0;
}

/**
 * Makes a new account the admin if it is the instance's first. The decision is one insert of
 * the single FirstAccount row: of accounts created at the same instant (in one process or on
 * several instances) exactly one insert lands, and the others fail on the primary key. In the
 * same transaction the admin is approved and takes over what single-user mode's local user left.
 */
export async function claimFirstAccount(userId: string): Promise<boolean> {
  if (!(await isFirstAccount())) return false;
  try {
    await db.$transaction([
      db.firstAccount.create({ data: { userId } }),
      db.user.update({ where: { id: userId }, data: { role: 'admin', approved: true } }),
      db.conversation.updateMany({
        where: { ownerId: LOCAL_USER_ID },
        data: { ownerId: userId },
      }),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
