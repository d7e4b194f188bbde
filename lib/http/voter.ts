import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mergeVoter } from '@/lib/battles/merge-voter';
import { newId } from '@/lib/ids';
import type { Viewer } from './request-context';

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

function sentVoterId(req: IncomingMessage): string | undefined {
  const sent = cookieValue(req.headers.cookie, VOTER_COOKIE);
  return sent && VOTER_ID.test(sent) ? sent : undefined;
}

/**
 * Who votes: an account votes as itself, and what its browser did anonymously before (the
 * cookie's battles and votes) is merged into it, once; single-user mode votes by the cookie
 * (a new one, set on the answer, when the browser has none). A request without a viewer has
 * the cookie's id if it sent one, else none ('').
 */
export async function voterIdFor(
  req: IncomingMessage,
  res: ServerResponse,
  viewer: Viewer | null,
): Promise<string> {
  // Someone without an account (a share's recipient) votes by the cookie, when they have one.
  if (!viewer) return sentVoterId(req) ?? '';
  if (viewer.via === 'local') return cookieVoterId(req, res);
  const sent = sentVoterId(req);
  if (sent) {
    await mergeVoter({ from: sent, into: viewer.id });
    res.appendHeader('Set-Cookie', `${VOTER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  }
  return viewer.id;
}

function cookieVoterId(req: IncomingMessage, res: ServerResponse): string {
  const sent = sentVoterId(req);
  if (sent) return sent;
  const { id, cookie } = newVoter();
  res.appendHeader('Set-Cookie', cookie);
  return id;
}

/**
 * A new anonymous voter id and the Set-Cookie value that keeps it: for a share's recipient
 * without an account, made when they first vote (not on every anonymous request).
 */
export function newVoter(): { id: string; cookie: string } {
  const id = newId();
  return {
    id,
    cookie: `${VOTER_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR_S}; HttpOnly; SameSite=Lax`,
  };
}
