import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { auth } from './auth';

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'user';
  approved: boolean;
  disabled: boolean;
  createdAt: string;
}

const columns = {
  id: true,
  name: true,
  email: true,
  role: true,
  approved: true,
  banned: true,
  createdAt: true,
} as const;

type Row = {
  id: string;
  name: string;
  email: string | null;
  role: string;
  approved: boolean;
  banned: boolean;
  createdAt: Date;
};

function toView(row: Row): UserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email ?? '',
    role: row.role === 'admin' ? 'admin' : 'user',
    approved: row.approved,
    disabled: row.banned,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every account, waiting ones first. */
export async function listUsers(): Promise<UserView[]> {
  const rows = await db.user.findMany({
    where: { email: { not: null } },
    orderBy: [{ approved: 'asc' }, { createdAt: 'asc' }],
    select: columns,
  });
  return rows.map(toView);
}

/** An admin approves, promotes or disables an account; never their own role or access. */
export async function updateUser({
  id,
  actorId,
  approved,
  role,
  disabled,
}: {
  id: string;
  actorId: string;
  approved?: boolean;
  role?: 'admin' | 'user';
  disabled?: boolean;
}): Promise<UserView> {
  if (id === actorId && (role === 'user' || disabled === true || approved === false)) {
    throw new AppError('bad_request', 'You cannot take admin rights or access from yourself.');
  }
  const { count } = await db.user.updateMany({
    where: { id, email: { not: null } },
    data: { approved, role, banned: disabled },
  });
  if (count === 0) throw new AppError('not_found', 'No such user.');
  // A disabled or unapproved account is signed out everywhere, its tokens stop working.
  if (disabled === true || approved === false)
    await db.session.deleteMany({ where: { userId: id } });
  return toView(await db.user.findUniqueOrThrow({ where: { id }, select: columns }));
}

/** An account the admin creates: approved, with the password they chose. */
export async function createUser({
  name,
  email,
  password,
  role,
}: {
  name: string;
  email: string;
  password: string;
  role: 'admin' | 'user';
}): Promise<UserView> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError('conflict', 'An account with this address exists already.');
  const { user } = await auth.api.signUpEmail({ body: { name, email, password } });
  const row = await db.user.update({
    where: { id: user.id },
    data: { approved: true, role },
    select: columns,
  });
  return toView(row);
}
