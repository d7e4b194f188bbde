import 'server-only';
import { ownsAll } from '@/lib/auth/ownership';
import { AppError } from '@/lib/errors';
import type { Ownership, RouteAccess, RouteParams } from './api-routes';
import type { Viewer } from './request-context';

/** Pages anyone may open: signing in and up. Everything else needs a viewer. */
const PUBLIC_PAGES = new Set(['/sign-in', '/sign-up']);

/**
 * Files in public/ that anyone may fetch: crawlers' rules, the icons (a share's recipient and a
 * chat app's link preview ask for them without a session) and the preview image's fonts.
 */
const PUBLIC_FILES = new Set(['/robots.txt', '/icon.svg', '/favicon.ico', '/apple-touch-icon.png']);
const isPublicFile = (pathname: string) =>
  PUBLIC_FILES.has(pathname) || pathname.startsWith('/fonts/');

/** Share links (`/s/<slug>` and its preview image): for anyone who has the link, in every mode. */
const SHARE_PAGES = /^\/s\/[^/]+(\/image)?$/;

/**
 * The gate's access rule, the one place it is decided: an API route by its access level
 * (lib/http/api-routes.ts), a page by whether it is a public one. Throws for an API route the
 * viewer may not call; returns where to send a browser for a page it may not see.
 */
export function accessCheck({
  viewer,
  access,
  pathname,
  singleUser,
}: {
  viewer: Viewer | null;
  /** Single-user mode: nobody signs in or up, so the public (sign-in) routes do not exist. */
  singleUser: boolean;
  /** The API route's level; undefined for a page. */
  access: RouteAccess | undefined;
  pathname: string;
}): { redirect: string } | null {
  if (access !== undefined) {
    if (access === 'anyone') return null;
    if (access === 'public') {
      if (singleUser)
        throw new AppError(
          'not_found',
          'Versus runs in single-user mode: there are no accounts to sign in to.',
        );
      return null;
    }
    if (!viewer) throw new AppError('unauthorized', 'Sign in first.');
    if (access === 'admin' && viewer.role !== 'admin') {
      throw new AppError('forbidden', 'Only an admin can do this.');
    }
    return null;
  }
  if (pathname.startsWith('/_next/') || isPublicFile(pathname) || SHARE_PAGES.test(pathname)) {
    return null;
  }
  if (PUBLIC_PAGES.has(pathname)) {
    // A signed-in browser has nothing to do on the sign-in pages.
    return viewer && pathname.startsWith('/sign-') ? { redirect: '/' } : null;
  }
  if (!viewer)
    return {
      redirect: pathname === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(pathname)}`,
    };
  if (pathname.startsWith('/admin') && viewer.role !== 'admin') return { redirect: '/' };
  return null;
}

/** The ids an ownership rule names in a request: its path parameter, or its query parameter's. */
function idsOf(owns: Ownership, params: RouteParams, url: URL): string[] {
  if ('param' in owns) return [params[owns.param] ?? ''];
  return url.searchParams.getAll(owns.query).map((value) => value.split(':')[0] ?? '');
}

/**
 * The gate's ownership rule, the one place it is decided: what a route's or page's parameter
 * names (lib/http/api-routes.ts, page-routes.ts) must be the viewer's, checked with one indexed
 * query before any handler runs. Another user's is answered as a missing one, "No such
 * conversation." (404), never "forbidden": nobody learns what exists. Null when it may pass.
 */
export async function ownershipRefusal({
  viewer,
  owns,
  params,
  url,
}: {
  viewer: Viewer;
  owns: Ownership;
  params: RouteParams;
  url: URL;
}): Promise<AppError | null> {
  const answer = await ownsAll({
    viewerId: viewer.id,
    resource: owns.resource,
    ids: idsOf(owns, params, url),
  });
  return answer.owned ? null : new AppError('not_found', `No such ${answer.noun}.`);
}
