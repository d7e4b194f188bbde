import { type APIRequestContext, expect, test } from '@playwright/test';
import type { ConversationSummary, ConversationView } from '../lib/api/views';
import config from '../playwright.config';
import { E2E } from './ports';
import { recordTraffic } from './support/app-traffic';
import { type AutoForm, startAttackerSite } from './support/attacker-site';
import { ATTEMPTS, runAttempts } from './support/cross-site-attempts';
import { backendIds, scriptModel, uniqueModel } from './support/fakes';

// What another site open in the user's browser can do against Versus on loopback, tried for
// real in Chromium against the production server: every write must be refused by the gate
// (403 for another origin, 421 for a rebound name), no answer may be readable, nothing may
// change. lib/http/gate.test.ts covers the same rules with a stand-in for Next.js.

const REBOUND_NAME = 'rebind.test';
const configured = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...configured,
    // DNS rebinding without a DNS server: the attacker's name resolves to loopback.
    args: [...(configured.args ?? []), `--host-resolver-rules=MAP ${REBOUND_NAME} 127.0.0.1`],
  },
});

/** Another application on loopback: another port of the same address (50..60 above the app). */
const ATTACKER_PORT = E2E.ports.app + 55;

/** What the legitimate user sees of the victim; nothing in it may change under attack. */
async function observe(request: APIRequestContext, id: string, model: string) {
  const json = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    return response.json();
  };
  const { conversation } = (await json(`/api/conversations/${id}`)) as {
    conversation: ConversationView;
  };
  const list = async (query = '') =>
    ((await json(`/api/conversations${query}`)) as { conversations: ConversationSummary[] })
      .conversations;
  let runs = 0;
  for (const kind of ['ollama', 'openai', 'deepseek'] as const) {
    const response = await request.get(`${E2E.fakeUrl(kind)}/__fake/runs`);
    const body = (await response.json()) as { runs: { model: string }[] };
    runs += body.runs.filter((run) => run.model === model).length;
  }
  return {
    conversation,
    // Every attack uses the victim's model, so any conversation it created would be listed.
    withModel: (await list(`?q=${encodeURIComponent(model)}`)).map((summary) => summary.id),
    // The list holds at most 200; `withModel` is the exact check.
    listed: (await list()).length,
    runsOfModel: runs,
  };
}

/** A conversation of the user's, on a model of its own, whose id the attacker has learnt. */
async function victim(request: APIRequestContext) {
  const model = uniqueModel('cross-site');
  await scriptModel(request, 'ollama', { id: model, ttftMs: 10, tokensPerSecond: 500 });
  await request.get('/api/backends?fresh=1');
  const lineup = [0, 1].map(() => ({ backendId: backendIds.ollama, model, params: {} }));
  const created = await request.post('/api/conversations', {
    data: { lineup, title: `victim ${model}` },
  });
  expect(created.status()).toBe(201);
  const { conversation } = (await created.json()) as { conversation: ConversationView };
  const before = await observe(request, conversation.id, model);
  expect(before.conversation.turns).toEqual([]);
  expect(before.withModel).toEqual([conversation.id]);
  expect(before.runsOfModel).toBe(0);
  // Bodies that would work, were they let through: a valid conversation and a valid turn.
  const create = JSON.stringify({ lineup, title: `attacker ${model}` });
  const turn = JSON.stringify({ prompt: 'attacker prompt' });
  return { id: conversation.id, model, before, create, turn };
}

const byAttempt = (name: string) => (url: URL) => url.searchParams.get('attempt') === name;

test('a page on another loopback origin cannot write to Versus or read its answers', async ({
  page,
  request,
}) => {
  const target = await victim(request);
  const paths = {
    create: '/api/conversations',
    turn: `/api/conversations/${target.id}/turns`,
    conversation: `/api/conversations/${target.id}`,
  };
  const action = (path: string, name: string) => `${E2E.appUrl}${path}?attempt=${name}`;
  // text/plain forms send `name=value`: split the JSON so that the `=` lands inside a string.
  const forms: Record<string, AutoForm> = {
    'form-text-create': {
      action: action(paths.create, 'form-text-create'),
      enctype: 'text/plain',
      fields: [{ name: target.create.slice(0, -2), value: '"}' }],
    },
    'form-text-turn': {
      action: action(paths.turn, 'form-text-turn'),
      enctype: 'text/plain',
      fields: [{ name: target.turn.slice(0, -2), value: '"}' }],
    },
    'form-urlencoded-turn': {
      action: action(paths.turn, 'form-urlencoded-turn'),
      enctype: 'application/x-www-form-urlencoded',
      fields: [{ name: 'prompt', value: 'attacker prompt' }],
    },
  };
  const attacker = await startAttackerSite({ port: ATTACKER_PORT, forms });
  try {
    const traffic = await recordTraffic(page, E2E.appUrl);
    await page.goto(`${attacker.origin}/`);
    const outcomes = await page.evaluate(runAttempts, {
      attempts: ATTEMPTS,
      urls: {
        create: `${E2E.appUrl}${paths.create}`,
        turn: `${E2E.appUrl}${paths.turn}`,
        conversation: `${E2E.appUrl}${paths.conversation}`,
      },
      bodies: { create: target.create, turn: target.turn },
    });
    // The page ran every attempt, and none of them let it read an answer.
    expect(outcomes.map(({ name, outcome }) => ({ name, outcome }))).toEqual(
      ATTEMPTS.map(({ name, page: outcome }) => ({ name, outcome })),
    );

    // Top-level form posts: the one cross-site write no browser check stops.
    for (const [name, form] of Object.entries(forms)) {
      const answered = page.waitForResponse(
        (response) => response.url() === form.action && response.request().method() === 'POST',
      );
      await page.goto(`${attacker.origin}/form/${name}`);
      const answer = await answered;
      expect(answer.status(), name).toBe(403);
      expect(((await answer.json()) as { error: { code: string } }).error.code, name).toBe(
        'forbidden',
      );
    }
    expect(attacker.served.filter((path) => path !== '/favicon.ico')).toEqual([
      '/',
      ...Object.keys(forms).map((name) => `/form/${name}`),
    ]);

    // What reached the app, as the network saw it: beacons leave on their own time.
    const expected = [
      ...ATTEMPTS.map(({ name, method, app }) => ({ name, method, app })),
      ...Object.keys(forms).map((name) => ({ name, method: 'POST', app: 'refused' as const })),
    ];
    const seen = () =>
      expected.map(({ name, method }) => {
        const requests = traffic.requests(byAttempt(name));
        const answered = (preflight: boolean) =>
          requests
            .filter((sent) => sent.preflight === preflight && sent.status !== null)
            .map((sent) => ({
              method: sent.method,
              status: sent.status,
              origin: sent.headers.origin,
            }));
        return { name, request: answered(false), preflight: answered(true), method };
      });
    const refused = (method: string) => [{ method, status: 403, origin: attacker.origin }];
    const preflightRefused = [{ method: 'OPTIONS', status: 405, origin: attacker.origin }];
    await expect.poll(seen, { timeout: 10_000 }).toEqual(
      expected.map(({ name, method, app }) => ({
        name,
        request: app === 'refused' ? refused(method) : [],
        preflight: app === 'preflight-refused' ? preflightRefused : [],
        method,
      })),
    );

    expect(await observe(request, target.id, target.model)).toEqual(target.before);
    expect((await request.delete(paths.conversation)).status()).toBe(204);
  } finally {
    await attacker.close();
  }
});

test('a name rebound to loopback gets 421, never the app, its data or a write', async ({
  page,
  request,
}) => {
  const target = await victim(request);
  const rebound = `http://${REBOUND_NAME}:${E2E.ports.app}`;

  const list = await page.goto(`${rebound}/api/conversations`);
  expect(list?.status()).toBe(421);
  expect(list?.headers()['content-type']).toBe('application/json');
  const listBody = (await list?.json()) as Record<string, unknown>;
  expect(Object.keys(listBody)).toEqual(['error']);
  expect(listBody).toMatchObject({ error: { code: 'host_not_allowed' } });

  const home = await page.goto(`${rebound}/`);
  expect(home?.status()).toBe(421);
  expect(home?.headers()['content-type']).toMatch(/^text\/plain/);
  const homeText = (await home?.text()) ?? '';
  expect(homeText).toContain('VERSUS_ALLOWED_HOSTS');
  expect(homeText).not.toMatch(/<html|<script/i);

  // A script on this rebound page is same-origin with Versus: only the Host check stands in its
  // way. (It runs on the page the app's own address answered: Chromium's Local Network Access
  // already refuses loopback requests from a page it loaded from elsewhere, as other browsers
  // do not, and as a user may allow.)
  const answers = await page.evaluate(
    async ({ id, create, turn }) => {
      const tries: [string, string, string?][] = [
        ['GET', '/api/conversations'],
        ['GET', `/api/conversations/${id}`],
        ['POST', '/api/conversations', create],
        ['POST', `/api/conversations/${id}/turns`, turn],
        ['DELETE', `/api/conversations/${id}`],
      ];
      const results: { request: string; status: number; type: string; body: string }[] = [];
      for (const [method, path, body] of tries) {
        const response = await fetch(path, {
          method,
          headers: body ? { 'Content-Type': 'application/json' } : undefined,
          body,
        });
        results.push({
          request: `${method} ${path}`,
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          body: await response.text(),
        });
      }
      return results;
    },
    { id: target.id, create: target.create, turn: target.turn },
  );
  expect(answers).toHaveLength(5);
  for (const answer of answers) {
    expect(answer.status, answer.request).toBe(421);
    expect(answer.type, answer.request).toBe('application/json');
    expect(JSON.parse(answer.body), answer.request).toMatchObject({
      error: { code: 'host_not_allowed' },
    });
    expect(answer.body, answer.request).not.toContain(target.id);
  }

  expect(await observe(request, target.id, target.model)).toEqual(target.before);
  expect((await request.delete(`/api/conversations/${target.id}`)).status()).toBe(204);
});
