import fc from 'fast-check';
import { type BodyKind, type FuzzRoute, type IdPool, target, text, weighted } from './fuzz-targets';

/** A body as text or bytes; a huge one by its size only, so that a report stays readable. */
export type BodySpec = string | Uint8Array | { hugePrompt: number };

/**
 * How the body is framed: its length, a length of 0 (no body), chunked, both, a malformed
 * length, or no framing and no body. Never bytes past the framing: a malformed request
 * pipelined behind another makes Node answer either one, depending on how the bytes arrive.
 */
export type Framing =
  | { kind: 'length' | 'zero' | 'none' | 'chunked' | 'both' }
  | { kind: 'bad'; value: string };

/** One generated request, kept structured so that the oracle can reason about it. */
export interface FuzzCase {
  route: FuzzRoute;
  method: string;
  target: string;
  version: string;
  /** Host headers in order (none, one, or a duplicate). */
  hosts: string[];
  origin?: string;
  fetchSite?: string;
  contentType?: string;
  body: BodySpec | null;
  framing: Framing;
  extra: [string, string][];
}

/** The largest body the gate lets through (lib/http/read-body.ts). */
export const MAX_BODY = 1_000_000;
/** The import route's (a conversation file): MAX_IMPORT_BODY_BYTES. */
export const MAX_IMPORT_BODY = 16_000_000;

const STANDARD_METHODS = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'TRACE'];
const OTHER_METHODS = [
  'CONNECT',
  'PROPFIND',
  'MKCOL',
  'PURGE',
  'SEARCH',
  'QUERY',
  'LINK',
  'REPORT',
];

const method = (route: FuzzRoute) =>
  weighted(
    [14, fc.constant(route.method)],
    [4, fc.constantFrom(...STANDARD_METHODS)],
    [1, fc.constantFrom(...OTHER_METHODS)],
    [
      1,
      fc.oneof(
        fc.constant(route.method.toLowerCase()),
        fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,10}$/),
      ),
    ],
  );

function hosts(port: number): fc.Arbitrary<string[]> {
  const app = `127.0.0.1:${port}`;
  const foreign = [
    'evil.example',
    `evil.example:${port}`,
    `rebind.test:${port}`,
    '127.0.0.1',
    '127.0.0.1:1',
    'localhost',
    `localhost.:${port}`,
    `127.0.0.1:${port}.evil.example`,
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `[::ffff:127.0.0.1]:${port}`,
    '',
  ];
  return weighted(
    [16, fc.constant([app])],
    [2, fc.constantFrom([`localhost:${port}`], [`LOCALHOST:${port}`], [`[::1]:${port}`])],
    [3, fc.constantFrom(...foreign).map((host) => [host])],
    [1, fc.constant([])],
    [1, fc.constantFrom(...foreign).map((host) => [app, host])],
    [1, fc.constantFrom(...foreign).map((host) => [host, app])],
  );
}

function origin(port: number): fc.Arbitrary<string | undefined> {
  return weighted(
    [8, fc.constant(undefined)],
    [4, fc.constantFrom(`http://127.0.0.1:${port}`, `HTTP://127.0.0.1:${port}`)],
    [
      3,
      fc.constantFrom(
        'null',
        'http://evil.example',
        `http://127.0.0.1:${port + 1}`,
        `http://localhost:${port}`,
        `http://127.0.0.1:${port}.evil.example`,
        'garbage',
        '',
        `http://user@127.0.0.1:${port}/path`,
      ),
    ],
  );
}

const fetchSite = weighted(
  [8, fc.constant(undefined)],
  [3, fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', 'Same-Origin', 'x')],
);

const contentType = (route: FuzzRoute) =>
  weighted(
    [route.body ? 8 : 2, fc.constant('application/json')],
    [route.body ? 1 : 6, fc.constant(undefined)],
    [
      3,
      fc.constantFrom(
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'application/json;',
        'application/jsonx',
        'application/json-patch+json',
        'text/plain',
        'text/plain; charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
        'application/json, text/plain',
        'text/plain, application/json',
      ),
    ],
  );

const slotParams = fc.record(
  {
    systemPrompt: text(40),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    maxTokens: fc.integer({ min: 1, max: 262_144 }),
    think: fc.boolean(),
  },
  { requiredKeys: [] },
);
const runMode = fc.constantFrom('parallel', 'sequential');

/** Bodies a route accepts. Models are made up, so no conversation created here can stream. */
const VALID: Record<BodyKind, fc.Arbitrary<unknown>> = {
  create: fc.record(
    {
      lineup: fc.array(
        fc.record(
          {
            backendId: fc.constantFrom('ollama', 'openai', 'deepseek', 'nope'),
            model: fc.string({ minLength: 1, maxLength: 20 }),
            params: slotParams,
          },
          { requiredKeys: ['backendId', 'model'] },
        ),
        { minLength: 2, maxLength: 6 },
      ),
      runMode,
      title: text(30),
    },
    { requiredKeys: ['lineup'] },
  ),
  update: fc.record({ runMode, title: text(30) }, { requiredKeys: [] }),
  slot: fc.record({ params: slotParams }),
  turn: fc.record({ prompt: text(40) }),
  // A pool of made-up models (no battle starts from it), or none: every model of the fakes.
  battle: fc.record(
    {
      pool: fc.array(
        fc.record({
          backendId: fc.constantFrom('ollama', 'openai', 'deepseek', 'nope'),
          model: fc.string({ minLength: 1, maxLength: 20 }),
        }),
        { minLength: 2, maxLength: 6 },
      ),
    },
    { requiredKeys: [] },
  ),
  vote: fc.record({ outcome: fc.constantFrom('a', 'b', 'tie', 'bothbad', 'c') }),
  signIn: fc.record({ email: text(30), password: text(30) }),
  signUp: fc.record(
    { name: text(20), email: text(30), password: text(30), invite: text(20) },
    { requiredKeys: ['name', 'email', 'password'] },
  ),
  token: fc.record({ name: text(30) }),
  share: fc.record(
    {
      blind: fc.boolean(),
      showOwner: fc.boolean(),
      indexable: fc.boolean(),
      expiresInDays: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5000 })),
    },
    { requiredKeys: [] },
  ),
  shareChange: fc.record(
    {
      refresh: fc.constantFrom(true, false),
      showOwner: fc.boolean(),
      expiresInDays: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5000 })),
    },
    { requiredKeys: [] },
  ),
  suite: fc.record(
    {
      name: text(20),
      prompts: fc.array(
        fc.record({
          title: text(12),
          prompt: text(40),
          check: fc.oneof(
            fc.record({
              kind: fc.constant('number'),
              expected: fc.array(fc.double({ noNaN: true }), { maxLength: 3 }),
              tolerance: fc.double({ min: -1, max: 10, noNaN: true }),
            }),
            fc.record({
              kind: fc.constant('match'),
              mode: fc.constantFrom('exact', 'regex', 'glob'),
              pattern: text(12),
              caseSensitive: fc.boolean(),
            }),
            fc.record({ kind: fc.constant('line-starts'), starts: text(8) }),
            fc.record({ kind: fc.constantFrom('manual', 'llm') }),
          ),
        }),
        { maxLength: 3 },
      ),
      settings: fc.record({ temperature: fc.double({ min: -1, max: 3, noNaN: true }) }),
    },
    { requiredKeys: [] },
  ),
  // Made-up models: a run that starts gets errors from the fakes at once.
  suiteRun: fc.record(
    {
      lineup: fc.array(
        fc.record({
          backendId: fc.constantFrom('ollama', 'openai', 'nope'),
          model: fc.string({ minLength: 1, maxLength: 20 }),
        }),
        { maxLength: 3 },
      ),
      repeats: fc.integer({ min: -1, max: 12 }),
      mode: fc.constantFrom('compare', 'blind', 'x'),
      runMode,
    },
    { requiredKeys: [] },
  ),
  suiteRunChange: fc.record({ status: fc.constantFrom('paused', 'running', 'done') }),
  suiteVerdict: fc.record({
    itemId: text(12),
    position: fc.integer({ min: -1, max: 7 }),
    verdict: fc.constantFrom('pass', 'fail', null, 'maybe'),
  }),
  // Clearing only: a pool of made-up models would leave later specs' battles nothing to pick.
  pool: fc.constant({ pool: null }),
  // Never a valid address: the fuzzer creates no accounts.
  user: fc.record({ name: text(20), email: text(10), password: text(12), role: text(6) }),
  userChange: fc.record(
    {
      approved: fc.boolean(),
      role: fc.constantFrom('admin', 'user', 'root'),
      disabled: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  // Never a valid address (an unknown scheme or no URL at all): the fuzzer adds no backend and
  // "Test connection" sends nothing anywhere.
  backend: fc.record(
    {
      kind: fc.constantFrom('ollama', 'openai', 'deepseek', 'nope'),
      label: text(20),
      baseUrl: fc.oneof(text(20), fc.constant('ftp://127.0.0.1:9')),
      apiKey: fc.oneof(fc.constant(null), text(20)),
      headers: fc.dictionary(text(8), text(8), { maxKeys: 2 }),
      enabled: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  backendChange: fc.record(
    {
      label: text(20),
      baseUrl: fc.oneof(text(20), fc.constant('ftp://127.0.0.1:9')),
      apiKey: fc.oneof(fc.constant(null), text(20)),
      enabled: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  // The fuzzer's ids name conversations and slots, never a backend: these answer 404.
  ollamaModel: fc.record({ model: fc.oneof(text(20), fc.constant('qwen2.5:0.5b')) }),
  // A small conversation file: some valid, most refused by its schema (made-up fields).
  import: fc.record(
    {
      format: fc.constantFrom('versus.conversation', 'other'),
      version: fc.constantFrom(1, 2),
      exportedAt: fc.constant('2026-12-07T10:00:00.000Z'),
      title: text(30),
      mode: fc.constantFrom('compare', 'battle'),
      runMode,
      createdAt: fc.constant('2026-12-07T10:00:00.000Z'),
      revealedAt: fc.constant(null),
      lineup: fc.array(
        fc.record({
          position: fc.integer({ min: 0, max: 1 }),
          backend: fc.record({
            kind: fc.constantFrom('ollama', 'openai', 'deepseek', 'nope'),
            label: text(20),
          }),
          model: fc.string({ minLength: 1, maxLength: 20 }),
          params: slotParams,
        }),
        { minLength: 2, maxLength: 2 },
      ),
      turns: fc.constant([]),
      vote: fc.constant(null),
      verdicts: fc.constant([]),
    },
    { requiredKeys: ['format', 'version'] },
  ),
  verdict: fc.record({
    turnId: fc.string({ minLength: 1, maxLength: 20 }),
    best: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constantFrom('tie', null)),
  }),
};

/** Right names, wrong types or extra keys. */
const WRONG_SHAPE = fc.constantFrom(
  '{"lineup":"x"}',
  '{"lineup":[]}',
  '{"lineup":[{"backendId":"ollama","model":"m"},null]}',
  '{"prompt":123}',
  '{"prompt":""}',
  '{"prompt":"x","extra":true}',
  '{"params":{"temperature":3}}',
  '{"params":{"maxTokens":1.5}}',
  '{"runMode":"both"}',
  '{"title":"   "}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{}}}',
  '{"prompt":"\\ud800"}',
  '{"prompt":"x"',
);

function body(route: FuzzRoute): fc.Arbitrary<BodySpec | null> {
  const json = (value: unknown) => JSON.stringify(value);
  return weighted<BodySpec | null>(
    [route.body ? 1 : 8, fc.constant(null)],
    [route.body ? 8 : 1, VALID[route.body ?? 'update'].map(json)],
    [2, fc.jsonValue({ maxDepth: 3 }).map(json)],
    [2, WRONG_SHAPE],
    [1, fc.string({ unit: 'grapheme', maxLength: 40 })],
    [1, fc.uint8Array({ maxLength: 64 })],
    // Just under, just over and well over the cap.
    [
      1,
      fc
        .constantFrom(-1, 1, 500_000)
        .map((over) => ({ hugePrompt: (route.bodyCap ?? MAX_BODY) + over })),
    ],
  );
}

/** The bytes of a body: a huge one is a JSON prompt of exactly that many bytes. */
function bytesOf(spec: BodySpec): Buffer {
  if (typeof spec === 'string') return Buffer.from(spec);
  if (spec instanceof Uint8Array) return Buffer.from(spec);
  return Buffer.from(`{"prompt":"${'a'.repeat(spec.hugePrompt - 13)}"}`);
}

const framing: fc.Arbitrary<Framing> = weighted<Framing>(
  [14, fc.constant({ kind: 'length' as const })],
  [1, fc.constant({ kind: 'zero' as const })],
  [2, fc.constant({ kind: 'chunked' as const })],
  [1, fc.constant({ kind: 'none' as const })],
  [
    1,
    fc.oneof(
      fc.constant({ kind: 'both' as const }),
      fc
        .constantFrom('abc', '-1', '1, 1', '+5', '0x10', '', '99999999999999999999')
        .map((value) => ({ kind: 'bad' as const, value })),
    ),
  ],
);

const extraHeader = fc.constantFrom<[string, string]>(
  ['Expect', '100-continue'],
  ['Expect', 'something-else'],
  ['Upgrade', 'websocket'],
  ['X-Forwarded-Host', 'evil.example'],
  ['Forwarded', 'host=evil.example'],
  ['Cookie', 'session=x'],
  ['Last-Event-ID', '../../x'],
  ['Accept', 'text/event-stream'],
  ['X-Long', 'v'.repeat(8_000)],
);
const extra = weighted<[string, string][]>(
  [8, fc.constant([])],
  [1, fc.array(extraHeader, { minLength: 1, maxLength: 2 })],
);

/** Every request the fuzzer sends: one route, then each part mostly right, sometimes not. */
export function fuzzCase(routes: readonly FuzzRoute[], ids: IdPool, port: number) {
  return fc.constantFrom(...routes).chain((route) =>
    fc.record({
      route: fc.constant(route),
      method: method(route),
      target: target(route, ids, port),
      version: weighted(
        [30, fc.constant('HTTP/1.1')],
        [1, fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/1.1 x')],
      ),
      hosts: hosts(port),
      origin: origin(port),
      fetchSite,
      contentType: contentType(route),
      body: body(route),
      framing,
      extra,
    }),
  );
}

const chunked = (bytes: Buffer | null) =>
  bytes?.length
    ? Buffer.concat([
        Buffer.from(`${bytes.length.toString(16)}\r\n`),
        bytes,
        Buffer.from('\r\n0\r\n\r\n'),
      ])
    : Buffer.from('0\r\n\r\n');

/** The bytes of a case, and the body length it declares (null: none; NaN: malformed). */
export function requestOf(c: FuzzCase): { head: string; body?: Buffer; declared: number | null } {
  const lines = [`${c.method} ${c.target} ${c.version}`];
  for (const host of c.hosts) lines.push(`Host: ${host}`);
  if (c.origin !== undefined) lines.push(`Origin: ${c.origin}`);
  if (c.fetchSite !== undefined) lines.push(`Sec-Fetch-Site: ${c.fetchSite}`);
  if (c.contentType !== undefined) lines.push(`Content-Type: ${c.contentType}`);
  const whole = c.body === null ? null : bytesOf(c.body);
  let body = whole ?? undefined;
  let declared: number | null = null;
  const length = whole?.length ?? 0;
  switch (c.framing.kind) {
    case 'length':
      if (body) declared = length;
      break;
    case 'zero':
      declared = 0;
      body = undefined;
      break;
    case 'chunked':
      body = chunked(whole);
      lines.push('Transfer-Encoding: chunked');
      break;
    case 'both':
      declared = length;
      body = chunked(whole);
      lines.push('Transfer-Encoding: chunked');
      break;
    case 'bad':
      declared = Number.NaN;
      lines.push(`Content-Length: ${c.framing.value}`);
      break;
    case 'none':
      body = undefined;
      break;
  }
  if (declared !== null && c.framing.kind !== 'bad') lines.push(`Content-Length: ${declared}`);
  for (const [name, value] of c.extra) lines.push(`${name}: ${value}`);
  lines.push('Connection: close');
  return { head: lines.join('\r\n'), body, declared };
}
