import 'server-only';
import { isAPIError } from 'better-auth/api';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { auth } from './auth';
import { isUsableInvite, redeemInvite } from './invites';

/** What a sign-up leads to: the admin (first account), approved (invite), or waiting. */
export type SignUpOutcome = 'admin' | 'approved' | 'pending';

/**
 * A new account. The answer is the same whether or not the address already has one, and takes
 * as long (the password is hashed either way), so sign-up tells nobody who is registered. The
 * first account on a fresh instance is the admin (lib/auth/first-account.ts); an invite approves at once;
 * any other waits for an admin.
 */
export async function signUp({
  name,
  email,
  password,
  invite,
}: {
  name: string;
  email: string;
  password: string;
  invite?: string;
}): Promise<SignUpOutcome> {
  if (invite && !(await isUsableInvite(invite))) {
    throw new AppError(
      'bad_request',
      'This invite link has been used or has expired: ask for a new one.',
    );
  }
  let created: { id: string } | null = null;
  try {
    const result = await auth.api.signUpEmail({ body: { name, email, password } });
    created = result.user;
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const code = (error.body as { code?: string } | undefined)?.code ?? '';
    if (!/USER_ALREADY_EXISTS/.test(code)) {
      throw new AppError('bad_request', error.message || 'This sign-up was refused.');
    }
    // Taken: the same answer as a new account, after as much work.
    const context = await auth.$context;
    await context.password.hash(password);
  }
  // Made the admin, or not, as it was created (lib/auth/auth.ts).
  if (created && (await isAdmin(created.id))) return 'admin';
  if (invite) {
    if (created && (await redeemInvite({ token: invite, userId: created.id }))) {
      await db.user.update({ where: { id: created.id }, data: { approved: true } });
    }
    return 'approved';
  }
  return 'pending';
}

async function isAdmin(id: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id }, select: { role: true } });
  return row?.role === 'admin';
}
