import 'server-only';
import type { IncomingMessage } from 'node:http';
import { fromNodeHeaders } from 'better-auth/node';
import { config } from '@/lib/config';
import type { Viewer } from '@/lib/http/request-context';
import { getLocalUser } from '@/lib/users';
import { userOfApiToken } from './api-tokens';
import { auth } from './auth';

/**
 * Who is asking: the local user in single-user mode; else the account of a personal API token
 * (`Authorization: Bearer`) or of the session cookie, if that account may act (approved, not
 * disabled). Null for anyone else.
 */
export async function viewerOf(req: IncomingMessage): Promise<Viewer | null> {
  if (config.auth === 'single-user') {
    const local = await getLocalUser();
    return { ...local, role: 'admin', via: 'local' };
  }
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const user = await userOfApiToken(authorization.slice('Bearer '.length).trim());
    return user ? { id: user.id, name: user.name, role: roleOf(user.role), via: 'token' } : null;
  }
  if (!req.headers.cookie?.includes('versus.session_token')) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  const user = session?.user as
    | {
        id: string;
        name: string;
        role?: string | null;
        approved?: boolean;
        banned?: boolean | null;
      }
    | undefined;
  if (user?.approved !== true || user.banned) return null;
  return { id: user.id, name: user.name, role: roleOf(user.role), via: 'session' };
}

const roleOf = (role: string | null | undefined): Viewer['role'] =>
  role === 'admin' ? 'admin' : 'user';
