/** What a cross-site request targets: a new conversation, a turn, or the conversation itself. */
export type AttemptTarget = 'create' | 'turn' | 'conversation';

/** One cross-site request, made by a script of the attacker's page. */
export interface Attempt {
  name: string;
  via: 'fetch' | 'beacon';
  method: 'POST' | 'DELETE';
  mode?: RequestMode;
  target: AttemptTarget;
  /** text: the JSON as is; form: `json=<JSON>` urlencoded; multipart; blob: a JSON-typed Blob. */
  encoding?: 'text' | 'form' | 'multipart' | 'blob';
  contentType?: string;
  /** What the page got: a network error, an opaque answer, a queued beacon. */
  page: 'rejected' | 'opaque' | 'queued';
  /** What reached the app: the request (refused), only a preflight (refused), nothing. */
  app: 'refused' | 'preflight-refused' | 'not-sent';
}

/** text/plain, forms and beacons are "simple" requests: sent at once, with no preflight. */
function simple(target: 'create' | 'turn'): Attempt[] {
  const base = { method: 'POST', target, app: 'refused' } as const;
  const text = { encoding: 'text', contentType: 'text/plain' } as const;
  return [
    { ...base, ...text, name: `fetch-text-${target}`, via: 'fetch', page: 'rejected' },
    {
      ...base,
      ...text,
      name: `fetch-text-${target}-no-cors`,
      via: 'fetch',
      mode: 'no-cors',
      page: 'opaque',
    },
    {
      ...base,
      name: `fetch-form-${target}-no-cors`,
      via: 'fetch',
      mode: 'no-cors',
      encoding: 'form',
      page: 'opaque',
    },
    { ...base, name: `beacon-text-${target}`, via: 'beacon', encoding: 'text', page: 'queued' },
  ];
}

/** Every way a page can send a write to another origin without a form. */
export const ATTEMPTS: Attempt[] = [
  ...simple('create'),
  ...simple('turn'),
  {
    name: 'fetch-multipart-turn-no-cors',
    via: 'fetch',
    method: 'POST',
    mode: 'no-cors',
    target: 'turn',
    encoding: 'multipart',
    page: 'opaque',
    app: 'refused',
  },
  // JSON is not a "simple" content type: the browser asks first, and the gate says no.
  {
    name: 'fetch-json-turn',
    via: 'fetch',
    method: 'POST',
    target: 'turn',
    encoding: 'text',
    contentType: 'application/json',
    page: 'rejected',
    app: 'preflight-refused',
  },
  {
    name: 'beacon-json-turn',
    via: 'beacon',
    method: 'POST',
    target: 'turn',
    encoding: 'blob',
    page: 'queued',
    app: 'preflight-refused',
  },
  // No browser sends a cross-site DELETE without a preflight; no-cors refuses the method.
  {
    name: 'fetch-delete-no-cors',
    via: 'fetch',
    method: 'DELETE',
    mode: 'no-cors',
    target: 'conversation',
    page: 'rejected',
    app: 'not-sent',
  },
  {
    name: 'fetch-delete',
    via: 'fetch',
    method: 'DELETE',
    target: 'conversation',
    page: 'rejected',
    app: 'preflight-refused',
  },
];

/**
 * Runs in the attacker's page (page.evaluate): makes each attempt, tagged `?attempt=<name>`, and
 * records what the page itself could see of the answer.
 */
export async function runAttempts({
  attempts,
  urls,
  bodies,
}: {
  attempts: Attempt[];
  urls: Record<AttemptTarget, string>;
  bodies: Record<'create' | 'turn', string>;
}) {
  const results: { name: string; outcome: string; detail: string }[] = [];
  for (const attempt of attempts) {
    const url = `${urls[attempt.target]}?attempt=${attempt.name}`;
    const text = attempt.target === 'conversation' ? undefined : bodies[attempt.target];
    let body: BodyInit | undefined = text;
    if (text && attempt.encoding === 'form') body = new URLSearchParams({ json: text });
    if (text && attempt.encoding === 'blob') body = new Blob([text], { type: 'application/json' });
    if (text && attempt.encoding === 'multipart') {
      body = new FormData();
      body.set('json', text);
    }
    try {
      if (attempt.via === 'beacon') {
        const queued = navigator.sendBeacon(url, body);
        results.push({ name: attempt.name, outcome: queued ? 'queued' : 'not queued', detail: '' });
        continue;
      }
      const response = await fetch(url, {
        method: attempt.method,
        mode: attempt.mode,
        headers: attempt.contentType ? { 'Content-Type': attempt.contentType } : undefined,
        body,
      });
      const read = await response.text();
      const opaque = response.type === 'opaque' && response.status === 0 && read === '';
      results.push({
        name: attempt.name,
        outcome: opaque ? 'opaque' : 'read',
        detail: `${response.type} ${response.status} ${read.slice(0, 200)}`,
      });
    } catch (error) {
      results.push({ name: attempt.name, outcome: 'rejected', detail: String(error) });
    }
  }
  return results;
}
