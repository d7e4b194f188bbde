import 'server-only';
import { type Ownership, paramsOf, type RouteParams } from './api-routes';

/** A page of the signed-in app whose path names something; the gate checks it is the viewer's. */
export interface PageRoute {
  /** `:name` segments are the page's dynamic segments (`app/(app)/c/[id]` is `/c/:id`). */
  path: string;
  owns: Ownership;
}

/**
 * Every page under app/(app) with a dynamic segment, and what it names: the gate sends another
 * user's (or a missing) one to the not-found page before the page runs, as it answers 404 on the
 * API. lib/auth/authorization.test.ts keeps it in step with app/(app).
 */
export const PAGE_ROUTES: readonly PageRoute[] = [
  { path: '/c/:id', owns: { param: 'id', resource: 'conversation' } },
  { path: '/suites/:id', owns: { param: 'id', resource: 'suite' } },
  { path: '/suites/runs/:id', owns: { param: 'id', resource: 'suiteRun' } },
];

const compiled = PAGE_ROUTES.map((route) => ({ route, segments: route.path.split('/') }));

/** The page route a path is, with its parameters; null for any other path. */
export function matchPageRoute(pathname: string): { route: PageRoute; params: RouteParams } | null {
  const segments = pathname.split('/');
  for (const { route, segments: pattern } of compiled) {
    const params = paramsOf(pattern, segments);
    if (params) return { route, params };
  }
  return null;
}
