import { readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnedResource } from '@/lib/auth/ownership';
import type { RawAnswer } from '@/test/gate-server';

// Accounts mode, set before anything reads the configuration: the modules are imported below.
process.env.VERSUS_AUTH = 'accounts';

type Identity = 'anonymous' | 'user' | 'other' | 'admin' | 'token';
const PASSWORD = 'correct horse battery';

const run = Date.now().toString(36);
const emailOf = (who: string) => `${who}-${run}@versus.test`;

let port = 0;
let server: http.Server;
const cookies: Partial<Record<Identity, string>> = {};
let token = '';
const ids: Record<string, string> = {};

async function modules() {
  const [harness, gate, routes, pages, ownership, signUp, users, tokens, auth, node, db] =
    await Promise.all([
      import('@/test/gate-server'),
      import('@/lib/http/gate'),
      import('@/lib/http/api-routes'),
      import('@/lib/http/page-routes'),
      import('@/lib/auth/ownership'),
      import('@/lib/auth/sign-up'),
      import('@/lib/auth/users'),
      import('@/lib/auth/api-tokens'),
      import('@/lib/auth/auth'),
      import('better-auth/node'),
      import('@/lib/db/client'),
    ]);
  return { harness, gate, routes, pages, ownership, signUp, users, tokens, auth, node, db: db.db };
}
let m: Awaited<ReturnType<typeof modules>>;

function rawRequest(
  toPort: number,
  request: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  return m.harness.rawRequest(toPort, request);
}

/** Signs in over HTTP, as a browser does; the session cookie it gets. */
async function signIn(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const answer = await rawRequest(port, {
    method: 'POST',
    path: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  const setCookie = answer.headers['set-cookie'] ?? [];
  const session = setCookie.find((cookie) => cookie.startsWith('versus.session_token='));
  return { answer, cookie: session?.split(';')[0] ?? '' };
}

function headersOf(identity: Identity): Record<string, string> {
  if (identity === 'token') return { authorization: `Bearer ${token}` };
  const cookie = cookies[identity];
  return cookie ? { cookie } : {};
}

beforeAll(async () => {
  m = await modules();
  // The gate in front of better-auth's own handler; any other route's handler stands in as 418.
  const authHandler = m.node.toNodeHandler(m.auth.auth);
  server = http.createServer((req, res) => {
    void m.gate.passGate(req, res, async (request, response) => {
      if (request.url?.startsWith('/api/auth/')) return authHandler(request, response);
      // What it was asked for: the gate may have turned a page into the not-found page.
      response
        .writeHead(418, { 'content-type': 'application/json' })
        .end(JSON.stringify({ url: request.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  // Addresses of this run only: a PostgreSQL test database may hold an earlier run's accounts
  // (so the admin is made one here, not as the first account: e2e/accounts.spec.ts does that).
  const people: [Identity, string][] = (['admin', 'user', 'other'] as const).map((identity) => [
    identity,
    emailOf(identity),
  ]);
  for (const [identity, email] of people) {
    await m.signUp.signUp({ name: identity, email, password: PASSWORD });
    const row = await m.db.user.findUniqueOrThrow({ where: { email } });
    ids[identity] = row.id;
    if (identity === 'admin') {
      await m.db.user.update({ where: { id: row.id }, data: { role: 'admin', approved: true } });
    } else {
      // Waiting for approval: no session yet.
      const refused = await signIn(email);
      expect(refused.answer.status).toBe(403);
      expect(refused.cookie).toBe('');
      await m.users.updateUser({ id: row.id, actorId: ids.admin ?? '', approved: true });
    }
    cookies[identity] = (await signIn(email)).cookie;
    expect(cookies[identity]).toMatch(/^versus\.session_token=/);
  }
  token = (await m.tokens.createApiToken({ userId: ids.user ?? '', name: 'ci' })).token;
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Loops over every route, several callers each: seconds on a loaded machine, more on PostgreSQL. */
const ROUTE_LOOP_TIMEOUT_MS = 30_000;

describe('the authorization matrix', () => {
  it(
    'covers every API route with a rule the gate enforces, for every kind of caller',
    async () => {
      const identities: Identity[] = ['anonymous', 'user', 'other', 'admin', 'token'];
      const failures: string[] = [];
      for (const route of m.routes.API_ROUTES) {
        expect(['anyone', 'public', 'user', 'admin'], `${route.method} ${route.path}`).toContain(
          route.access,
        );
        // /api/auth/* is better-auth's: its session endpoint stands for it here.
        const path = route.path.replace('/*', '/get-session').replace(/:\w+/g, 'no-such-id');
        for (const identity of identities) {
          const answer = await rawRequest(port, {
            method: route.method,
            path: path === '/api/events' ? '/api/events?m=no-such-id' : path,
            headers: {
              ...headersOf(identity),
              // With its length: Node sends a DELETE body neither chunked nor measured otherwise.
              ...(route.jsonBody
                ? { 'content-type': 'application/json', 'content-length': '2' }
                : {}),
            },
            body: route.jsonBody ? '{}' : undefined,
          });
          const signedIn = identity !== 'anonymous';
          const admin = identity === 'admin';
          const expected =
            route.access === 'public' || route.access === 'anyone'
              ? 'served'
              : !signedIn
                ? 401
                : route.access === 'admin' && !admin
                  ? 403
                  : 'served';
          const got = answer.status === 401 || answer.status === 403 ? answer.status : 'served';
          if (got !== expected) {
            failures.push(
              `${identity} ${route.method} ${route.path}: ${answer.status}, expected ${expected}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
    ROUTE_LOOP_TIMEOUT_MS,
  );

  it('sends a browser without a session to sign in, and a signed-in one past it', async () => {
    const page = await rawRequest(port, { path: '/c/some-id' });
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Fc%2Fsome-id');
    expect((await rawRequest(port, { path: '/sign-in' })).status).toBe(418);
    // A share link is for anyone who has it, and so is its preview image.
    for (const path of ['/s/AAAAAAAAAAAAAAAAAAAAAA', '/s/AAAAAAAAAAAAAAAAAAAAAA/image']) {
      expect((await rawRequest(port, { path })).status).toBe(418);
    }
    expect((await rawRequest(port, { path: '/shares' })).status).toBe(303);
    const signedIn = await rawRequest(port, { path: '/sign-in', headers: headersOf('user') });
    expect(signedIn.headers.location).toBe('/');
    const users = await rawRequest(port, { path: '/admin/users', headers: headersOf('user') });
    expect(users.headers.location).toBe('/');
  });

  it("lets anyone fetch public/'s files: robots.txt, the icons and the fonts", async () => {
    const files = [
      '/robots.txt',
      '/favicon.ico',
      '/icon.svg',
      '/apple-touch-icon.png',
      '/fonts/versus-preview-regular.otf',
      '/fonts/OFL.txt',
    ];
    for (const path of files) {
      for (const identity of ['anonymous', 'user'] as const) {
        const answer = await rawRequest(port, { path, headers: headersOf(identity) });
        expect(answer.status, `${identity} ${path}`).toBe(418);
      }
    }
    // Only those: a page that merely looks like a file is still signed-in only.
    for (const path of ['/robots.txt.bak', '/icon.svg/x', '/fonts']) {
      expect((await rawRequest(port, { path })).status, path).toBe(303);
    }
  });
});

/** A conversation of `owner`'s, on a backend nothing listens to. */
async function conversationOf(owner: Identity) {
  const { createConversation } = await import('@/lib/conversations/write');
  await m.db.backend.upsert({
    where: { id: 'auth-test' },
    create: {
      id: 'auth-test',
      kind: 'openai',
      label: 'auth-test',
      baseUrl: 'http://127.0.0.1:9/v1',
      source: 'ui',
    },
    update: {},
  });
  return createConversation({
    ownerId: ids[owner] ?? '',
    voterId: ids[owner] ?? '',
    input: {
      runMode: 'parallel',
      lineup: [
        { backendId: 'auth-test', model: 'a', params: {} },
        { backendId: 'auth-test', model: 'b', params: {} },
      ],
    },
  });
}

describe('ownership, decided by the gate', () => {
  /** One resource of each kind, the user's: a new kind without one here fails to compile. */
  let usersOwn: Record<OwnedResource, string>;
  const paramsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map(([, name]) => name);

  beforeAll(async () => {
    const conversation = await conversationOf('user');
    const slot = await m.db.slot.findFirstOrThrow({ where: { conversationId: conversation.id } });
    await m.db.turn.create({
      data: { id: `t-${run}`, conversationId: conversation.id, index: 0, prompt: 'q' },
    });
    const message = await m.db.message.create({
      data: { id: `m-${run}`, turnId: `t-${run}`, slotId: slot.id, status: 'done', content: 'a' },
    });
    const apiToken = await m.tokens.createApiToken({ userId: ids.user ?? '', name: 'owned' });
    const share = await m.db.share.create({
      data: {
        id: `sh-${run}`,
        slug: `slug-${run}`,
        conversationId: conversation.id,
        ownerId: ids.user ?? '',
        snapshot: '{}',
        turns: 0,
      },
    });
    const suite = await m.db.suite.create({
      data: { id: `su-${run}`, ownerId: ids.user ?? '', name: 'owned', prompts: '[]' },
    });
    const suiteRun = await m.db.suiteRun.create({
      data: {
        id: `sr-${run}`,
        suiteId: suite.id,
        ownerId: ids.user ?? '',
        voterId: ids.user ?? '',
        snapshot: JSON.stringify({ name: 'owned', prompts: [], settings: {} }),
        lineup: '[]',
        repeats: 1,
        mode: 'compare',
        runMode: 'sequential',
        status: 'done',
      },
    });
    usersOwn = {
      conversation: conversation.id,
      message: message.id,
      apiToken: apiToken.apiToken.id,
      share: share.id,
      suite: suite.id,
      suiteRun: suiteRun.id,
    };
  });

  it('names, for every route with a parameter, whose its parameter must be', () => {
    const failures: string[] = [];
    for (const route of m.routes.API_ROUTES) {
      const name = `${route.method} ${route.path}`;
      const params = paramsOf(route.path);
      if (route.access !== 'user') {
        // An admin acts on any account's rows; a public route (signing in) has no owner.
        if (route.owns) failures.push(`${name}: an ${route.access} route owns nothing`);
      } else if (params.length > 0 && !route.owns) {
        failures.push(`${name}: a parameter and no ownership rule (\`owns\`)`);
      } else if (route.owns && 'param' in route.owns && !params.includes(route.owns.param)) {
        failures.push(`${name}: its rule names :${route.owns.param}, which it does not have`);
      }
    }
    expect(failures).toEqual([]);
  });

  it(
    "answers 404 for another's (or a missing) resource before any handler runs, on every route",
    async () => {
      const failures: string[] = [];
      for (const route of m.routes.API_ROUTES) {
        const owns = route.owns;
        if (!owns) continue;
        const id = usersOwn[owns.resource];
        const path =
          'param' in owns
            ? route.path.replace(`:${owns.param}`, id).replace(/:\w+/g, 'no-such-id')
            : `${route.path}?${owns.query}=${id}`;
        const noun = m.ownership.OWNED_RESOURCES[owns.resource].noun;
        const request = (identity: Identity, to = path) =>
          rawRequest(port, {
            method: route.method,
            path: to,
            headers: {
              ...headersOf(identity),
              // With its length: Node sends a DELETE body neither chunked nor measured otherwise.
              ...(route.jsonBody
                ? { 'content-type': 'application/json', 'content-length': '2' }
                : {}),
            },
            body: route.jsonBody ? '{}' : undefined,
          });
        const missing = path.replace(id, `missing-${run}`);
        const refusals = [
          ['other', path],
          ['admin', path],
          ['user', missing],
        ] as const;
        for (const [identity, to] of refusals) {
          const answer = await request(identity, to);
          const body = answer.status === 404 ? JSON.parse(answer.body) : null;
          if (body?.error?.message !== `No such ${noun}.`) {
            failures.push(`${identity} ${route.method} ${to}: ${answer.status} ${answer.body}`);
          }
        }
        // The owner, by session or token, reaches the handler: Next.js's stand-in answers 418;
        // the routes Node serves answer themselves (400 for the empty prompt, 200 for events).
        for (const identity of ['user', 'token'] as const) {
          const answer = await request(identity);
          const reached = route.serve ? answer.status !== 404 : answer.status === 418;
          if (!reached) {
            failures.push(`${identity} ${route.method} ${path}: ${answer.status} ${answer.body}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    ROUTE_LOOP_TIMEOUT_MS,
  );

  it('lists every page with a parameter, and shows another user the not-found page', async () => {
    const appPages = path.resolve(__dirname, '../../app/(app)');
    const dynamic = readdirSync(appPages, { recursive: true, encoding: 'utf8' })
      .filter((entry) => path.basename(entry) === 'page.tsx' && entry.includes('['))
      .map((entry) =>
        `/${path.dirname(entry)}`.replaceAll(path.sep, '/').replace(/\[(\w+)\]/g, ':$1'),
      );
    expect(m.pages.PAGE_ROUTES.map((page) => page.path).sort()).toEqual(dynamic.sort());

    const page = `/c/${usersOwn.conversation}`;
    const seen = async (identity: Identity, to = page) => {
      const answer = await rawRequest(port, { path: to, headers: headersOf(identity) });
      return [answer.status, JSON.parse(answer.body).url];
    };
    expect(await seen('user')).toEqual([418, page]);
    expect(await seen('other')).toEqual([418, m.gate.NOT_FOUND_PAGE]);
    expect(await seen('user', '/c/no-such-id')).toEqual([418, m.gate.NOT_FOUND_PAGE]);
  });
});

describe("another user's data", () => {
  it("is not found, on the routes Node serves too: a turn or events for another's conversation", async () => {
    const conversation = await conversationOf('admin');
    const turnAs = (identity: Identity) =>
      rawRequest(port, {
        method: 'POST',
        path: `/api/conversations/${conversation.id}/turns`,
        headers: { ...headersOf(identity), 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'hello' }),
      });
    for (const identity of ['user', 'token'] as const) {
      const answer = await turnAs(identity);
      expect([identity, answer.status]).toEqual([identity, 404]);
      expect(answer.body).not.toContain(conversation.id);
    }
    // Its owner gets further: the turn starts (and fails upstream: nothing listens on port 9).
    expect((await turnAs('admin')).status).toBe(201);
    const [message] = await m.db.message.findMany({
      where: { turn: { conversationId: conversation.id } },
    });
    const events = await rawRequest(port, {
      path: `/api/messages/${message?.id}/events`,
      headers: headersOf('user'),
    });
    expect(events.status).toBe(404);
  });
});

describe('sessions and tokens', () => {
  it('gives a new session token at sign-in, whatever cookie the browser brought (no fixation)', async () => {
    const planted = 'versus.session_token=planted-by-an-attacker';
    const { cookie } = await signIn(emailOf('user'), PASSWORD, { cookie: planted });
    expect(cookie).not.toBe(planted);
    expect(cookie).not.toBe(cookies.user);
    const withPlanted = await rawRequest(port, {
      path: '/api/conversations',
      headers: { cookie: planted },
    });
    expect(withPlanted.status).toBe(401);
  });

  it('refuses a write sent from another origin even with a valid session cookie', async () => {
    const answer = await rawRequest(port, {
      method: 'POST',
      path: '/api/battles',
      headers: {
        ...headersOf('admin'),
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(answer.status).toBe(403);
  });

  it('answers an unknown address and a wrong password alike, at sign-in and sign-up', async () => {
    const unknown = await signIn(emailOf('nobody'), 'some password 1');
    const wrong = await signIn(emailOf('user'), 'some password 1');
    expect([unknown.answer.status, unknown.answer.body]).toEqual([
      wrong.answer.status,
      wrong.answer.body,
    ]);
    const taken = await m.signUp.signUp({
      name: 'x',
      email: emailOf('user'),
      password: PASSWORD,
    });
    const fresh = await m.signUp.signUp({
      name: 'y',
      email: emailOf('fresh'),
      password: PASSWORD,
    });
    expect(taken).toBe(fresh);
  });

  it("ends a disabled account's sessions and stops its tokens", async () => {
    const { cookie } = await signIn(emailOf('other'), PASSWORD, {
      'x-forwarded-for': '10.0.0.9',
    });
    const other = await m.tokens.createApiToken({ userId: ids.other ?? '', name: 'x' });
    await m.users.updateUser({ id: ids.other ?? '', actorId: ids.admin ?? '', disabled: true });
    const callers: Record<string, string>[] = [
      { cookie },
      { authorization: `Bearer ${other.token}` },
    ];
    for (const headers of callers) {
      expect((await rawRequest(port, { path: '/api/conversations', headers })).status).toBe(401);
    }
  });

  it('refuses a revoked token and an expired session', async () => {
    const made = await m.tokens.createApiToken({ userId: ids.user ?? '', name: 'short-lived' });
    const headers = { authorization: `Bearer ${made.token}` };
    expect((await rawRequest(port, { path: '/api/conversations', headers })).status).toBe(418);
    await m.tokens.revokeApiToken({ userId: ids.user ?? '', id: made.apiToken.id });
    expect((await rawRequest(port, { path: '/api/conversations', headers })).status).toBe(401);

    await m.db.session.updateMany({
      where: { userId: ids.admin },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await rawRequest(port, {
      path: '/api/conversations',
      headers: headersOf('admin'),
    });
    expect(expired.status).toBe(401);
  });
  // Last: it spends this address's sign-in budget for the minute.
  it('rate-limits guessing a password, per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 14; attempt += 1) {
      const { answer } = await signIn(emailOf('admin'), `wrong password ${attempt}`);
      statuses.push(answer.status);
    }
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const limited = statuses.indexOf(429);
    expect(limited).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(limited).every((status) => status === 429)).toBe(true);
    // Even the right password waits until the window has passed.
    expect((await signIn(emailOf('admin'))).answer.status).toBe(429);
    // Counted in the database, where every instance counts (lib/auth/rate-limit.test.ts).
    const counter = await m.db.rateLimit.findUnique({ where: { key: '127.0.0.1|/sign-in/email' } });
    expect(counter?.count).toBeGreaterThan(10);
  });

  it('locks one account after repeated wrong passwords, from any address, known or not', async () => {
    const { MAX_FAILED_SIGN_INS } = await import('@/lib/auth/account-limit');
    const { accountKey } = await import('@/lib/auth/rate-limit');
    const statusOf = async (email: string, password: string) => {
      try {
        await m.auth.auth.api.signInEmail({ body: { email, password } });
        return 200;
      } catch (error) {
        return (error as { statusCode?: number }).statusCode ?? 0;
      }
    };
    for (const email of [emailOf('target'), emailOf('ghost')]) {
      if (email === emailOf('target')) {
        await m.signUp.signUp({ name: 'target', email, password: PASSWORD });
        await m.db.user.update({ where: { email }, data: { approved: true } });
      }
      for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
        expect(await statusOf(email, `wrong ${attempt}`)).toBe(401);
      }
      // Locked now: even the right password is refused, and a known account looks like any other.
      expect(await statusOf(email, PASSWORD)).toBe(429);
      // By a count in the database, under a hash of the address typed.
      const counter = await m.db.rateLimit.findUnique({ where: { key: accountKey(email) } });
      expect(counter?.count).toBe(MAX_FAILED_SIGN_INS + 1);
    }
  }, 60_000);
});
