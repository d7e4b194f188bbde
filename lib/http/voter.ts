import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newId } from '@/lib/ids';

/**
 * An anonymous voter id, kept in a cookie until accounts exist: it makes "one vote per battle
 * per voter" and "only the browser that started a battle votes on it" mean something. HttpOnly
 * (no script reads it) and SameSite=Lax (another site's requests do not carry it on writes,
 * which the gate refuses anyway).
 */
export const VOTER_COOKIE = 'versus_voter';
const VOTER_ID = /^[\w-]{16,64}$/;
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The request's voter id; a new one, set on the answer, when the browser has none yet. */
export function voterIdOf(req: IncomingMessage, res: ServerResponse): string {
  const sent = cookieValue(req.headers.cookie, VOTER_COOKIE);
  if (sent && VOTER_ID.test(sent)) return sent;
  const id = newId();
  res.appendHeader(
    'Set-Cookie',
    `${VOTER_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR_S}; HttpOnly; SameSite=Lax`,
  );
  return id;
}
