// Scenario 8's measurements, in a process of its own per mode, started with
// `node --conditions=react-server --import tsx` (the app's TypeScript as it is; `server-only` as
// in a server bundle). The request gate (lib/http/gate.ts) on a loopback port in front of a
// stand-in for Next.js that answers 204, as scripts/server.mjs sets it up; one keep-alive client
// sends requests one after another. Prints one JSON object on stdout.
// Arguments: mode (single-user | accounts), samples. The environment names a migrated database.
import http from 'node:http';

const [mode = 'single-user', samplesArg = '1000'] = process.argv.slice(2);
const samples = Number(samplesArg);
const WARM_UP = 100;

const { passGate } = await import('../../lib/http/gate.ts');
const { db } = await import('../../lib/db/client.ts');

/** Time from a request's arrival to the handler the gate hands it to, per request (ms). */
let inGate = [];
/** @type {((req: http.IncomingMessage, res: http.ServerResponse) => unknown) | undefined} */
let authHandler;

const server = http.createServer((req, res) => {
  const arrived = performance.now();
  void passGate(req, res, async (request, response) => {
    if (authHandler && request.url?.startsWith('/api/auth/')) {
      return void (await authHandler(request, response));
    }
    inGate.push(performance.now() - arrived);
    response.writeHead(204).end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * @param {{ method?: string, path: string, headers?: Record<string, string>, body?: string }} options
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: string }>}
 */
function request({ method = 'GET', path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends one request shape `samples` times after a warm-up; the round trip and the gate's time of
 * each, in ms.
 * @param {{ path: string, headers?: Record<string, string> }} shape
 */
async function measure(shape) {
  // A new array each time: the one returned for the previous shape stays as it was.
  inGate = [];
  for (let index = 0; index < WARM_UP; index += 1) await expect204(shape);
  inGate = [];
  const roundTrips = [];
  for (let index = 0; index < samples; index += 1) {
    const sent = performance.now();
    await expect204(shape);
    roundTrips.push(performance.now() - sent);
  }
  return { roundTrips, inGate };
}

/** @param {{ path: string, headers?: Record<string, string> }} shape */
async function expect204(shape) {
  const answer = await request(shape);
  if (answer.status !== 204) throw new Error(`${shape.path}: ${answer.status} ${answer.body}`);
}

/**
 * Runs `work` `samples` times after a warm-up, one at a time, in process; each one's time (ms).
 * @param {() => Promise<unknown>} work
 */
async function timed(work) {
  for (let index = 0; index < WARM_UP; index += 1) await work();
  const times = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** @type {Record<string, unknown>} */
const results = {};
const conversation = `bench-${mode}-${Date.now().toString(36)}`;

if (mode === 'single-user') {
  const { getLocalUser } = await import('../../lib/users.ts');
  const local = await getLocalUser();
  await db.conversation.create({ data: { id: conversation, ownerId: local.id, title: 'bench' } });
  results.list = await measure({ path: '/api/conversations' });
  results.owned = await measure({ path: `/api/conversations/${conversation}` });
} else {
  const [{ auth }, { toNodeHandler }, { signUp }, { createApiToken }, { rateLimiter }] =
    await Promise.all([
      import('../../lib/auth/auth.ts'),
      import('better-auth/node'),
      import('../../lib/auth/sign-up.ts'),
      import('../../lib/auth/api-tokens.ts'),
      import('../../lib/auth/rate-limit.ts'),
    ]);
  authHandler = toNodeHandler(auth);
  const email = `bench-${Date.now()}@versus.test`;
  const password = 'bench password 1234';
  await signUp({ name: 'Bench', email, password });
  const user = await db.user.update({ where: { email }, data: { approved: true } });
  const signedIn = await request({
    method: 'POST',
    path: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (signedIn.headers['set-cookie'] ?? [])
    .find((value) => value.startsWith('versus.session_token='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: ${signedIn.status} ${signedIn.body}`);
  const { token } = await createApiToken({ userId: user.id, name: 'bench' });
  await db.conversation.create({ data: { id: conversation, ownerId: user.id, title: 'bench' } });
  results.list = await measure({ path: '/api/conversations', headers: { cookie } });
  results.owned = await measure({
    path: `/api/conversations/${conversation}`,
    headers: { cookie },
  });
  results.token = await measure({
    path: '/api/conversations',
    headers: { authorization: `Bearer ${token}` },
  });
  // Where a session lookup's time goes, in process: better-auth's getSession (what the gate
  // calls), and the database reads alone (the session by its token, with its user), which is
  // what a cookie cache would save.
  const headers = new Headers({ cookie });
  results.getSession = await timed(() => auth.api.getSession({ headers }));
  const sessionToken = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
  const found = await db.session.findUnique({ where: { token: sessionToken } });
  if (!found) throw new Error('the session cookie names no session');
  results.sessionQuery = await timed(() =>
    db.session.findUnique({ where: { token: sessionToken }, include: { user: true } }),
  );
  // One rate-limit step as a sign-in pays it, in process: 100 keys, as many addresses would.
  const rule = { window: 60, max: 1_000_000 };
  let step = 0;
  results.rateLimit = await timed(() => {
    step += 1;
    return rateLimiter.consume(`bench:${step % 100}`, rule);
  });
}

agent.destroy();
server.close();
await db.$disconnect();
process.stdout.write(JSON.stringify({ mode, samples, results }));
