import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OwnedResource } from '@/lib/auth/ownership';
import { addTurn, eventsOfMessage, eventsOfMessages } from './node-routes';
import { MAX_IMPORT_BODY_BYTES, MAX_JSON_BODY_BYTES } from './read-body';

export type RouteParams = Record<string, string>;

/** A route Node's HTTP server answers itself, before Next.js (see node-routes.ts). */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
  url: URL,
) => Promise<void>;

/**
 * Who may call a route: anyone, in every mode (a share link's recipients); anyone signing in
 * (absent in single-user mode); any signed-in account (its own data only: the gate checks what
 * a parameter names, see `owns`); or an admin.
 */
export type RouteAccess = 'anyone' | 'public' | 'user' | 'admin';

/**
 * What a route's parameter names and whose it must be: the gate answers 404 ("No such
 * conversation.") before the handler runs unless the viewer owns it (lib/http/access.ts). The
 * kinds are lib/auth/ownership.ts's. `param` names a path parameter; `query` a query parameter
 * instead, repeatable, each value `<id>` or `<id>:<anything>`. A parameter nested in the owned
 * one (`:slotId` in `:id`'s conversation) is looked up within it by the handler.
 */
export type Ownership = { resource: OwnedResource } & ({ param: string } | { query: string });

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `:name` segments are parameters; a last segment `*` matches one or more segments. */
  path: string;
  access: RouteAccess;
  /** The largest JSON body the route reads; routes without one take no body at all. */
  jsonBody?: number;
  /** Served from Node directly; every other route is a Next.js route handler under app/api. */
  serve?: NodeHandler;
  /**
   * Required of a 'user' route with a parameter (lib/auth/authorization.test.ts checks). An
   * 'admin' route acts on any account's rows and owns nothing; a 'public' one takes none.
   */
  owns?: Ownership;
}

// The rules the routes use, named here: a route's entry stays one flat object (e2e/fuzz.spec.ts
// reads the list from this file's text).
const conversation = { param: 'id', resource: 'conversation' } as const;
const message = { param: 'id', resource: 'message' } as const;
const apiToken = { param: 'id', resource: 'apiToken' } as const;
const messagesInQuery = { query: 'm', resource: 'message' } as const;
const share = { param: 'id', resource: 'share' } as const;
const suite = { param: 'id', resource: 'suite' } as const;
const suiteRun = { param: 'id', resource: 'suiteRun' } as const;

/**
 * Every API route, so the gate can answer unknown paths and methods with the JSON error and
 * knows which bodies to read. lib/http/api-routes.test.ts keeps it in step with app/api.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  // better-auth: sign-in, sign-out, sessions (it checks the session itself where one is needed).
  { method: 'GET', path: '/api/auth/*', access: 'public' },
  { method: 'POST', path: '/api/auth/*', access: 'public', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'POST', path: '/api/account/sign-up', access: 'public', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'GET', path: '/api/account/tokens', access: 'user' },
  { method: 'POST', path: '/api/account/tokens', access: 'user', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'DELETE', path: '/api/account/tokens/:id', access: 'user', owns: apiToken },
  { method: 'GET', path: '/api/admin/users', access: 'admin' },
  { method: 'POST', path: '/api/admin/users', access: 'admin', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'PATCH', path: '/api/admin/users/:id', access: 'admin', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'POST', path: '/api/admin/invites', access: 'admin' },
  { method: 'GET', path: '/api/admin/battle-pool', access: 'user' },
  {
    method: 'PUT',
    path: '/api/admin/battle-pool',
    access: 'admin',
    jsonBody: MAX_JSON_BODY_BYTES,
  },
  { method: 'GET', path: '/api/backends', access: 'user' },
  { method: 'POST', path: '/api/battles', access: 'user', jsonBody: MAX_JSON_BODY_BYTES },
  {
    method: 'POST',
    path: '/api/battles/:id/vote',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: conversation,
  },
  { method: 'GET', path: '/api/leaderboard', access: 'user' },
  { method: 'GET', path: '/api/votes/export', access: 'user' },
  { method: 'GET', path: '/api/conversations', access: 'user' },
  { method: 'POST', path: '/api/conversations', access: 'user', jsonBody: MAX_JSON_BODY_BYTES },
  {
    method: 'POST',
    path: '/api/conversations/import',
    access: 'user',
    jsonBody: MAX_IMPORT_BODY_BYTES,
  },
  { method: 'GET', path: '/api/conversations/:id', access: 'user', owns: conversation },
  {
    method: 'PATCH',
    path: '/api/conversations/:id',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: conversation,
  },
  { method: 'DELETE', path: '/api/conversations/:id', access: 'user', owns: conversation },
  {
    method: 'PATCH',
    path: '/api/conversations/:id/slots/:slotId',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: conversation,
  },
  { method: 'GET', path: '/api/conversations/:id/turns', access: 'user', owns: conversation },
  { method: 'GET', path: '/api/conversations/:id/export', access: 'user', owns: conversation },
  {
    method: 'PUT',
    path: '/api/conversations/:id/verdicts',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: conversation,
  },
  {
    method: 'POST',
    path: '/api/conversations/:id/turns',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    serve: addTurn,
    owns: conversation,
  },
  { method: 'POST', path: '/api/messages/:id/stop', access: 'user', owns: message },
  { method: 'POST', path: '/api/messages/:id/retry', access: 'user', owns: message },
  { method: 'POST', path: '/api/messages/:id/show', access: 'user', owns: message },
  {
    method: 'GET',
    path: '/api/messages/:id/events',
    access: 'user',
    serve: eventsOfMessage,
    owns: message,
  },
  {
    method: 'GET',
    path: '/api/events',
    access: 'user',
    serve: eventsOfMessages,
    owns: messagesInQuery,
  },
  {
    method: 'POST',
    path: '/api/conversations/:id/shares',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: conversation,
  },
  { method: 'GET', path: '/api/shares', access: 'user' },
  {
    method: 'PATCH',
    path: '/api/shares/:id',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: share,
  },
  { method: 'DELETE', path: '/api/shares/:id', access: 'user', owns: share },
  { method: 'GET', path: '/api/s/:slug/turns', access: 'anyone' },
  { method: 'POST', path: '/api/s/:slug/vote', access: 'anyone', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'GET', path: '/api/suites', access: 'user' },
  { method: 'POST', path: '/api/suites', access: 'user', jsonBody: MAX_JSON_BODY_BYTES },
  {
    method: 'PUT',
    path: '/api/suites/:id',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: suite,
  },
  { method: 'DELETE', path: '/api/suites/:id', access: 'user', owns: suite },
  { method: 'POST', path: '/api/suites/:id/duplicate', access: 'user', owns: suite },
  {
    method: 'POST',
    path: '/api/suites/:id/runs',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: suite,
  },
  { method: 'GET', path: '/api/suite-runs/:id', access: 'user', owns: suiteRun },
  {
    method: 'PATCH',
    path: '/api/suite-runs/:id',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: suiteRun,
  },
  { method: 'DELETE', path: '/api/suite-runs/:id', access: 'user', owns: suiteRun },
  {
    method: 'PUT',
    path: '/api/suite-runs/:id/verdicts',
    access: 'user',
    jsonBody: MAX_JSON_BODY_BYTES,
    owns: suiteRun,
  },
  { method: 'GET', path: '/api/suite-runs/:id/export', access: 'user', owns: suiteRun },
  { method: 'GET', path: '/api/backends/health', access: 'user' },
  { method: 'GET', path: '/api/admin/backends', access: 'admin' },
  { method: 'POST', path: '/api/admin/backends', access: 'admin', jsonBody: MAX_JSON_BODY_BYTES },
  {
    method: 'POST',
    path: '/api/admin/backends/test',
    access: 'admin',
    jsonBody: MAX_JSON_BODY_BYTES,
  },
  {
    method: 'PATCH',
    path: '/api/admin/backends/:id',
    access: 'admin',
    jsonBody: MAX_JSON_BODY_BYTES,
  },
  { method: 'DELETE', path: '/api/admin/backends/:id', access: 'admin' },
  { method: 'GET', path: '/api/admin/backends/:id/loaded', access: 'admin' },
  {
    method: 'POST',
    path: '/api/admin/backends/:id/pull',
    access: 'admin',
    jsonBody: MAX_JSON_BODY_BYTES,
  },
  {
    method: 'DELETE',
    path: '/api/admin/backends/:id/models',
    access: 'admin',
    jsonBody: MAX_JSON_BODY_BYTES,
  },
];

const compiled = API_ROUTES.map((route) => ({ route, segments: route.path.split('/') }));

/** The parameters of a path split at `/` by a pattern split the same way; null: no match. */
export function paramsOf(pattern: string[], segments: string[]): RouteParams | null {
  if (pattern.at(-1) === '*') {
    const fixed = pattern.slice(0, -1);
    if (segments.length <= fixed.length || !segments.at(-1)) return null;
    return paramsOf(fixed, segments.slice(0, fixed.length));
  }
  if (pattern.length !== segments.length) return null;
  const params: RouteParams = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) {
      if (!segment) return null;
      // The gate has checked that the whole path decodes.
      params[part.slice(1)] = decodeURIComponent(segment);
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

export type RouteMatch =
  | { found: true; route: ApiRoute; params: RouteParams }
  | { found: false; allowed: string[] };

/**
 * The route for a method and path; else the methods the path has (none: unknown path). As in
 * Next.js, a path's literal segments win over parameters: `/api/conversations/import` is that
 * route's path only, never a conversation's id.
 */
export function matchApiRoute(method: string, pathname: string): RouteMatch {
  const segments = pathname.split('/');
  const matches = compiled.flatMap(({ route, segments: pattern }) => {
    const params = paramsOf(pattern, segments);
    const literals = pattern.filter((part) => !part.startsWith(':')).length;
    return params ? [{ route, params, literals }] : [];
  });
  const best = Math.max(...matches.map((match) => match.literals));
  const allowed: string[] = [];
  for (const { route, params } of matches.filter((match) => match.literals === best)) {
    // Next.js answers HEAD with its GET handler; a Node route streams and has no HEAD.
    const head = method === 'HEAD' && route.method === 'GET' && !route.serve;
    if (route.method === method || head) return { found: true, route, params };
    allowed.push(route.method);
  }
  return { found: false, allowed };
}
