import 'server-only';
import { db } from '@/lib/db/client';
import { LOCAL_USER_ID } from '@/lib/users';

/** No account exists yet: the next one is the admin. */
export async function isFirstAccount(): Promise<boolean> {
  return (await db.user.count({ where: { email: { not: null } } })) === 0;
}

/** The admin's first sign-up takes over the conversations of single-user mode's local user. */
export async function adoptLocalData(adminId: string): Promise<void> {
  await db.conversation.updateMany({
    where: { ownerId: LOCAL_USER_ID },
    data: { ownerId: adminId },
  });
}
