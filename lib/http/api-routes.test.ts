import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { API_ROUTES, matchApiRoute } from './api-routes';

const appApi = path.resolve(__dirname, '../../app/api');

/** `METHOD /api/path/:param` of every handler exported under app/api. */
function nextRoutes(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(appApi, { recursive: true, encoding: 'utf8' })) {
    if (path.basename(entry) !== 'route.ts') continue;
    const route = `/api/${path.dirname(entry)}`
      .replaceAll(path.sep, '/')
      .replace(/\[\.\.\.\w+\]/g, '*')
      .replace(/\[(\w+)\]/g, ':$1')
      .replace(/\/\.$/, '');
    const source = readFileSync(path.join(appApi, entry), 'utf8');
    for (const [, method] of source.matchAll(
      /export (?:async )?function (GET|POST|PATCH|DELETE|PUT)\b/g,
    )) {
      found.push(`${method} ${route}`);
    }
  }
  return found.sort();
}

it('lists exactly the Next.js route handlers, besides the routes Node serves', () => {
  const listed = API_ROUTES.filter((route) => !route.serve).map(
    (route) => `${route.method} ${route.path}`,
  );
  expect(listed.sort()).toEqual(nextRoutes());
  // A Node route must not also have a Next.js handler that would never be reached.
  for (const route of API_ROUTES.filter((candidate) => candidate.serve)) {
    expect(nextRoutes()).not.toContain(`${route.method} ${route.path}`);
  }
});

it('matches parameters and tells a wrong method from an unknown path', () => {
  expect(matchApiRoute('GET', '/api/conversations/a%20b/turns')).toMatchObject({
    found: true,
    params: { id: 'a b' },
  });
  expect(matchApiRoute('HEAD', '/api/backends')).toMatchObject({ found: true });
  expect(matchApiRoute('HEAD', '/api/events')).toEqual({ found: false, allowed: ['GET'] });
  expect(matchApiRoute('PUT', '/api/conversations/x')).toEqual({
    found: false,
    allowed: ['GET', 'PATCH', 'DELETE'],
  });
  expect(matchApiRoute('GET', '/api/conversations//turns')).toEqual({ found: false, allowed: [] });
  // A literal segment is that route's, as in Next.js: not a conversation's id.
  expect(matchApiRoute('POST', '/api/conversations/import')).toMatchObject({
    found: true,
    route: { path: '/api/conversations/import' },
  });
  expect(matchApiRoute('GET', '/api/conversations/import')).toEqual({
    found: false,
    allowed: ['POST'],
  });
});
