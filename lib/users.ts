import 'server-only';
import { db } from '@/lib/db/client';

/** Until accounts exist every row belongs to this user; accounts will take it over. */
export const LOCAL_USER_ID = 'local';

let ensured: Promise<{ id: string; name: string }> | undefined;

export function getLocalUser(): Promise<{ id: string; name: string }> {
  ensured ??= db.user
    .upsert({
      where: { id: LOCAL_USER_ID },
      create: { id: LOCAL_USER_ID, name: 'Local user' },
      update: {},
      select: { id: true, name: true },
    })
    .catch((error: unknown) => {
      ensured = undefined;
      throw error;
    });
  return ensured;
}
