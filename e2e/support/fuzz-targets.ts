import fc from 'fast-check';

/** The JSON body a route reads, by what it is for. */
export type BodyKind =
  | 'create'
  | 'update'
  | 'slot'
  | 'turn'
  | 'battle'
  | 'vote'
  | 'verdict'
  | 'signIn'
  | 'signUp'
  | 'token'
  | 'user'
  | 'userChange'
  | 'pool'
  | 'share'
  | 'shareChange'
  | 'import'
  | 'suite'
  | 'suiteRun'
  | 'suiteRunChange'
  | 'suiteVerdict'
  | 'backend'
  | 'backendChange'
  | 'ollamaModel';

export interface FuzzRoute {
  method: string;
  path: string;
  body?: BodyKind;
  /** The route's own body cap, where it is not the default (lib/http/api-routes.ts). */
  bodyCap?: number;
}

export interface IdPool {
  conversations: string[];
  slots: string[];
}

/** fc.oneof with weights written `[weight, arbitrary]`. */
export const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

export const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });

const ODD_SEGMENTS = [
  '%',
  '%E0%A4%A',
  '%zz',
  '%0',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%00',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%2f..%2f..',
  '*',
  '%20',
  '~',
  "'",
  '%22%3E%3Cscript%3E',
  'null',
  'undefined',
  '__proto__',
];

/** A path parameter: ids real and made up, encoded well and badly, unicode, dots, very long. */
function segment(real: readonly string[]): fc.Arbitrary<string> {
  return weighted(
    [10, fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/)],
    ...(real.length > 0 ? [[6, fc.constantFrom(...real)] as [number, fc.Arbitrary<string>]] : []),
    [3, text(12).map(encodeURIComponent)],
    [3, fc.constantFrom(...ODD_SEGMENTS)],
    // Node refuses a head over 16 KiB itself; most of these stay under it.
    [1, fc.integer({ min: 200, max: 20_000 }).map((length) => 'x'.repeat(length))],
    // Raw, unencoded characters in the request line.
    [1, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })],
  );
}

const queryValue = weighted(
  [
    4,
    fc.constantFrom(
      '1',
      '0',
      '-1',
      '10',
      '100',
      '10001',
      '1e3',
      '1e400',
      'NaN',
      '',
      'true',
      '0x10',
      '%205',
    ),
  ],
  [2, text(16).map(encodeURIComponent)],
  [1, fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '+', '&&', '==')],
  [1, fc.integer({ min: 100, max: 4_000 }).map((length) => 'q'.repeat(length))],
);

const QUERY_KEYS: Record<string, string[]> = {
  '/api/backends': ['fresh'],
  '/api/conversations': ['q'],
  '/api/conversations/:id': ['turns'],
  '/api/conversations/:id/turns': ['before', 'limit'],
  '/api/conversations/:id/export': ['format'],
};

/** `m=<messageId>[:<last event id>]`, well-formed and not, up to past the limit of 12. */
const eventsQuery = fc
  .array(
    weighted([3, fc.stringMatching(/^[A-Za-z0-9_-]{1,24}(:[0-9.]{1,8})?$/)], [1, queryValue]),
    { maxLength: 14 },
  )
  .map((values) => (values.length ? `?${values.map((value) => `m=${value}`).join('&')}` : ''));

function query(route: FuzzRoute): fc.Arbitrary<string> {
  if (route.path === '/api/events') return eventsQuery;
  const keys = [...(QUERY_KEYS[route.path] ?? []), 'x'];
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), queryValue), { maxLength: 4 })
    .map((pairs) =>
      pairs.length ? `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}` : '',
    );
}

/** Targets that are not a route's path: other forms, other spellings, pages, tricks. */
function oddTargets(port: number): string[] {
  return [
    '*',
    'http://x/',
    `http://127.0.0.1:${port}/api/backends`,
    'http://evil.example/api/conversations',
    '127.0.0.1:80',
    '//evil.example/api/backends',
    'api/backends',
    '/API/backends',
    '/api',
    '/api/',
    '/api?x=1',
    '/api/backends/',
    '/api//backends',
    '/api/backends;x',
    '/api/backends#x',
    '/api%2Fbackends',
    '/%61pi/backends',
    '/./api/backends',
    '/x/../api/conversations',
    '/api/x/../conversations',
    '/api/conversations/../../c/x',
    '/_next/static/../../api/conversations',
    '/_next/static/..%2f..%2fapi/conversations',
    '/_next/static/x',
    '/api\\backends',
    '/',
    '/c/x',
    '/nope',
    '/favicon.ico',
    '/api/conversations/x/turns/',
    '/api/events/',
    '/api/messages//stop',
  ];
}

/** A request target for `route`: its path with fuzzed parameters and query, or an odd one. */
export function target(route: FuzzRoute, ids: IdPool, port: number): fc.Arbitrary<string> {
  // Parameters, and a wildcard's segments (`/api/auth/*`).
  const names = route.path.split('/').filter((part) => part.startsWith(':') || part === '*');
  // A real conversation never gets a turn from the fuzzer: turns and messages take made-up ids.
  const real = (name: string) => {
    if (route.path.includes('/turns') || route.path.startsWith('/api/messages')) return [];
    return name === ':slotId' ? ids.slots : ids.conversations;
  };
  const filled = fc
    .tuple(fc.tuple(...names.map((name) => segment(real(name)))), query(route))
    .map(([values, search]) => {
      let at = 0;
      const path = route.path.replace(/:\w+|\*/g, () => values[at++] ?? '');
      return `${path}${search}`;
    });
  return weighted([14, filled], [1, fc.constantFrom(...oddTargets(port))]);
}
