import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '@/lib/errors';

/** Who is asking: an account (by session or API token), or single-user mode's local user. */
export interface Viewer {
  id: string;
  name: string;
  role: 'admin' | 'user';
  via: 'session' | 'token' | 'local';
}

/** What the gate learned about one request, for every handler and page that serves it. */
export interface RequestContext {
  /** Null for a request without a (usable) session or token: only public routes serve it. */
  viewer: Viewer | null;
  /** The browser's anonymous voter id (lib/http/voter.ts): who votes, and who started a battle. */
  voterId: string;
}

// On globalThis: the gate is compiled into the instrumentation bundle and every route into its
// own, and all of them must see one store.
const store = globalThis as typeof globalThis & {
  __versusRequestContext?: AsyncLocalStorage<RequestContext>;
};
store.__versusRequestContext ??= new AsyncLocalStorage<RequestContext>();
const contexts = store.__versusRequestContext;

/** Runs `serve` with `context` as the request context of everything it starts. */
export function withRequestContext<T>(context: RequestContext, serve: () => T): T {
  return contexts.run(context, serve);
}

/** The context the gate built for the current request. */
export function requestContext(): RequestContext {
  const context = contexts.getStore();
  // Only a request that bypassed the gate has none: a bug, never a user's mistake.
  if (!context) throw new AppError('internal', 'This request did not pass the request gate.');
  return context;
}

/** The current request's viewer: the one place routes and pages learn who is asking. */
export function currentViewer(): Viewer {
  const { viewer } = requestContext();
  // The gate lets no request without one reach a route that asks (lib/http/api-routes.ts).
  if (!viewer) throw new AppError('unauthorized', 'Sign in first.');
  return viewer;
}

/** The current request's voter id. */
export function currentVoterId(): string {
  return requestContext().voterId;
}

/** Whose conversations a request reads and writes, and which browser asks (its voter id). */
export function currentReader(): { ownerId: string; voterId: string } {
  return { ownerId: currentViewer().id, voterId: requestContext().voterId };
}
