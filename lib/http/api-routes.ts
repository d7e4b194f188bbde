import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { addTurn, eventsOfMessage, eventsOfMessages } from './node-routes';
import { MAX_JSON_BODY_BYTES } from './read-body';

export type RouteParams = Record<string, string>;

/** A route Node's HTTP server answers itself, before Next.js (see node-routes.ts). */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
  url: URL,
) => Promise<void>;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `:name` segments are parameters. */
  path: string;
  /** The largest JSON body the route reads; routes without one take no body at all. */
  jsonBody?: number;
  /** Served from Node directly; every other route is a Next.js route handler under app/api. */
  serve?: NodeHandler;
}

/**
 * Every API route, so the gate can answer unknown paths and methods with the JSON error and
 * knows which bodies to read. lib/http/api-routes.test.ts keeps it in step with app/api.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/backends' },
  { method: 'POST', path: '/api/battles', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'POST', path: '/api/battles/:id/vote', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'GET', path: '/api/leaderboard' },
  { method: 'GET', path: '/api/conversations' },
  { method: 'POST', path: '/api/conversations', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'GET', path: '/api/conversations/:id' },
  { method: 'PATCH', path: '/api/conversations/:id', jsonBody: MAX_JSON_BODY_BYTES },
  { method: 'DELETE', path: '/api/conversations/:id' },
  {
    method: 'PATCH',
    path: '/api/conversations/:id/slots/:slotId',
    jsonBody: MAX_JSON_BODY_BYTES,
  },
  { method: 'GET', path: '/api/conversations/:id/turns' },
  { method: 'PUT', path: '/api/conversations/:id/verdicts', jsonBody: MAX_JSON_BODY_BYTES },
  {
    method: 'POST',
    path: '/api/conversations/:id/turns',
    jsonBody: MAX_JSON_BODY_BYTES,
    serve: addTurn,
  },
  { method: 'POST', path: '/api/messages/:id/stop' },
  { method: 'POST', path: '/api/messages/:id/retry' },
  { method: 'POST', path: '/api/messages/:id/show' },
  { method: 'GET', path: '/api/messages/:id/events', serve: eventsOfMessage },
  { method: 'GET', path: '/api/events', serve: eventsOfMessages },
];

const compiled = API_ROUTES.map((route) => ({ route, segments: route.path.split('/') }));

function paramsOf(pattern: string[], segments: string[]): RouteParams | null {
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

/** The route for a method and path; else the methods the path has (none: unknown path). */
export function matchApiRoute(method: string, pathname: string): RouteMatch {
  const segments = pathname.split('/');
  const allowed: string[] = [];
  for (const { route, segments: pattern } of compiled) {
    const params = paramsOf(pattern, segments);
    if (!params) continue;
    // Next.js answers HEAD with its GET handler; a Node route streams and has no HEAD.
    const head = method === 'HEAD' && route.method === 'GET' && !route.serve;
    if (route.method === method || head) return { found: true, route, params };
    allowed.push(route.method);
  }
  return { found: false, allowed };
}
