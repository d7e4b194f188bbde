import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { viewerOf } from '@/lib/auth/viewer';
import { config } from '@/lib/config';
import { AppError, toAppError } from '@/lib/errors';
import { accessCheck, ownershipRefusal } from './access';
import { isAllowedHost, isCrossOrigin } from './allowed-hosts';
import { type ApiRoute, matchApiRoute, type RouteParams } from './api-routes';
import { setClientAddress } from './client-address';
import { sendError } from './node-io';
import { matchPageRoute } from './page-routes';
import { checkBody } from './read-body';
import { withRequestContext } from './request-context';
import { securityHeaders } from './security-headers';
import { voterIdFor } from './voter';

/** Next.js's request handler, which serves whatever the gate does not answer itself. */
export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** No page has this path: Next.js answers it with the app's not-found page and a 404. */
export const NOT_FOUND_PAGE = '/_versus/not-found';

let closing = false;

/** From now on every request is refused with 503: the process is shutting down. */
export function closeGate(): void {
  closing = true;
}

function parseTarget(target: string): URL {
  // `*` (OPTIONS *), absolute-form targets and the like are not paths of this app.
  if (!target.startsWith('/')) {
    throw new AppError('bad_request', 'The request target must be a path.');
  }
  // Concatenated, not resolved: `//x` is a path here, never another host.
  const url = URL.parse(`http://gate.invalid${target}`);
  if (!url) throw new AppError('bad_request', 'The request target is not a valid URL path.');
  // Dot segments, backslashes, a fragment: the path a router would see is not the one sent,
  // and whether it is the API or a page must not depend on which of the two one looks at.
  if (url.pathname !== target.split('?')[0]) {
    throw new AppError('bad_request', 'The request path is not in canonical form.');
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new AppError('bad_request', 'The request path has malformed percent-encoding.');
  }
  return url;
}

/** The Host header, refusing two of them (Node keeps the first; a proxy might use another). */
function hostOf(req: IncomingMessage): string | undefined {
  let count = 0;
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    if (req.rawHeaders[index]?.toLowerCase() === 'host') count += 1;
  }
  if (count > 1) throw new AppError('bad_request', 'The request has more than one Host header.');
  return req.headers.host;
}

function refuseHost(host: string | undefined): AppError {
  const name = host ? `"${host.slice(0, 100)}"` : 'an empty name';
  return new AppError(
    'host_not_allowed',
    `Versus does not answer to ${name}. If you reach it by this name on purpose (a reverse proxy, a LAN name), add the name to VERSUS_ALLOWED_HOSTS.`,
  );
}

function methodNotAllowed(method: string, allowed: string[]): AppError {
  return new AppError(
    'method_not_allowed',
    `${method.slice(0, 20)} is not allowed here${allowed.length ? `; use ${allowed.join(' or ')}` : ''}.`,
  );
}

/** Build output that needs no viewer: its answer is the same for everyone. */
const isStaticAsset = (pathname: string) => pathname.startsWith('/_next/static/');

function headersFor(error: AppError, allowed: string[]): Record<string, string> | undefined {
  // An unread body is not drained: the connection closes instead.
  if (error.status === 411 || error.status === 413 || error.status === 415) {
    return { Connection: 'close' };
  }
  if (error.code === 'method_not_allowed') {
    return { Allow: allowed.length ? allowed.join(', ') : 'GET, HEAD' };
  }
  return undefined;
}

/**
 * The one gate in front of both routers: every request, whether Node answers it (the streaming
 * routes) or Next.js does, passes here first. It refuses what no handler should see — a target
 * that is not a path or does not decode, a Host the user did not choose (DNS rebinding), an
 * unknown route or method, a state-changing request from another origin, a body that is too
 * large or not JSON — then learns who is asking (session, API token, or single-user mode's
 * local user), refuses a route or page they may not use and anything a route's or page's
 * parameter names that is not theirs (lib/http/access.ts), and builds the request context that
 * every route and page reads instead of looking the user up itself.
 */
export async function passGate(
  req: IncomingMessage,
  res: ServerResponse,
  next: NextHandler,
): Promise<void> {
  const target = req.url ?? '';
  const method = req.method ?? 'GET';
  // Machine clients get the API's JSON error; a page's own path gets plain text.
  const api = !target.startsWith('/') || /^\/api(\/|\?|$)/.test(target);
  let allowed: string[] = [];
  try {
    if (closing) throw new AppError('unavailable', 'Versus is shutting down; retry in a moment.');
    const url = parseTarget(target);
    const host = hostOf(req);
    if (!isAllowedHost(host, config.allowedHosts)) throw refuseHost(host);
    let route: { route: ApiRoute; params: RouteParams } | null = null;
    if (api) {
      const match = matchApiRoute(method, url.pathname);
      if (!match.found) {
        allowed = match.allowed;
        if (allowed.length === 0) throw new AppError('not_found', 'No such API route.');
        throw methodNotAllowed(method, allowed);
      }
      route = match;
    } else if (!SAFE_METHODS.has(method)) {
      throw methodNotAllowed(method, ['GET', 'HEAD']);
    }
    if (
      !SAFE_METHODS.has(method) &&
      isCrossOrigin({
        origin: req.headers.origin,
        fetchSite: header(req, 'sec-fetch-site'),
        host: host ?? '',
      })
    ) {
      throw new AppError('forbidden', 'Versus refuses changes requested by another site.');
    }
    checkBody(req, route?.route.jsonBody ?? 0);
    // Whatever Next.js answers (pages, its redirects, static files) carries them too.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (isStaticAsset(url.pathname)) return await next(req, res);
    setClientAddress(req, config.trustedProxies);
    const viewer = await viewerOf(req);
    const denied = accessCheck({
      viewer,
      access: route?.route.access,
      pathname: url.pathname,
      singleUser: config.auth === 'single-user',
    });
    if (denied) {
      res.writeHead(303, { location: denied.redirect, 'cache-control': 'no-store' }).end();
      return;
    }
    const named = route ?? (api ? null : matchPageRoute(url.pathname));
    const owns = named?.route.owns;
    if (owns && viewer) {
      const refusal = await ownershipRefusal({ viewer, owns, params: named.params, url });
      // A page that is not the viewer's is the not-found page, rendered by Next.js as any other.
      if (refusal && api) throw refusal;
      if (refusal) req.url = NOT_FOUND_PAGE;
    }
    const context = { viewer, voterId: await voterIdFor(req, res, viewer) };
    const serve = route?.route.serve;
    const params = route?.params ?? {};
    await withRequestContext(context, () =>
      serve ? serve(req, res, params, url) : next(req, res),
    );
  } catch (error) {
    const appError = toAppError(error);
    sendError(res, appError, { json: api, headers: headersFor(appError, allowed) });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
