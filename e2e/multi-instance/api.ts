import { expect } from '@playwright/test';
import type { ConversationView, MessageView } from '@/lib/api/views';
import { stack } from './stack';

/** The header the tests' nginx adds: the instance (`host:port`) that answered. */
const UPSTREAM = 'x-versus-upstream';

export interface Answer<T> {
  status: number;
  /** Which instance answered. */
  upstream: string;
  body: T;
}

function headers(body: unknown): Record<string, string> {
  const token = process.env.VERSUS_MULTI_TOKEN;
  if (!token) throw new Error('no API token: the global setup (sign-up.ts) did not run');
  return {
    authorization: `Bearer ${token}`,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  };
}

/** One request through nginx (or straight to `base`) as the test account. */
export async function api<T = unknown>(
  path: string,
  { method = 'GET', body, base }: { method?: string; body?: unknown; base?: string } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${base ?? stack().nginxUrl}${path}`, {
    method,
    headers: headers(body),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    upstream: response.headers.get(UPSTREAM) ?? '',
    body: (text ? JSON.parse(text) : null) as T,
  };
}

/** An event stream through nginx, open; the caller reads `response.body` and cancels it. */
export async function openEvents(messageId: string) {
  const response = await fetch(`${stack().nginxUrl}/api/messages/${messageId}/events`, {
    headers: headers(undefined),
  });
  expect(response.status).toBe(200);
  return { response, upstream: response.headers.get(UPSTREAM) ?? '' };
}

/** The instances' `host:port`, as the upstream header names them. */
export const upstreams = () => stack().instances.map((instance) => instance.upstream);

/** The other instance than `upstream`. */
export function otherThan(upstream: string): string {
  const other = upstreams().find((candidate) => candidate !== upstream);
  if (!other) throw new Error(`no instance other than ${upstream}`);
  return other;
}

/**
 * Makes the next request through nginx land on `upstream`. nginx's round-robin alternates
 * between the two instances, so after a probe answered by the other one, this one is next.
 * Holds while the test sends nothing else at the same time.
 */
export async function steerTo(upstream: string) {
  for (let probes = 0; probes < 2; probes += 1) {
    const probe = await fetch(`${stack().nginxUrl}/api/multi-instance-probe`);
    await probe.arrayBuffer();
    if (probe.headers.get(UPSTREAM) !== upstream) return;
  }
  throw new Error(`nginx did not alternate between the instances (wanted ${upstream})`);
}

/** Scripts a model on the fake Ollama, and makes both instances list it. */
export async function scriptOllamaModel(script: Record<string, unknown>) {
  const scripted = await fetch(`${stack().fakes.ollama}/__fake/models`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(script),
  });
  expect(scripted.ok).toBe(true);
  for (const instance of stack().instances) {
    expect((await api('/api/backends?fresh=1', { base: instance.url })).status).toBe(200);
  }
}

/** Whether the fake Ollama saw Versus close its latest request for `model` (an aborted upstream). */
export async function upstreamAborted(model: string): Promise<boolean> {
  const response = await fetch(`${stack().fakes.ollama}/__fake/runs`);
  const { runs } = (await response.json()) as {
    runs: { model: string; startedAt: number; aborted: boolean }[];
  };
  const latest = runs
    .filter((run) => run.model === model)
    .sort((a, b) => b.startedAt - a.startedAt);
  return latest[0]?.aborted ?? false;
}

/** Starts a comparison of `models` (Ollama) with one prompt; the turn's answer. */
export async function startComparison(models: string[], prompt = 'Tell me a long story.') {
  const created = await api<{ conversation: ConversationView }>('/api/conversations', {
    method: 'POST',
    body: { lineup: models.map((model) => ({ backendId: 'ollama', model, params: {} })) },
  });
  expect(created.status).toBe(201);
  const id = created.body.conversation.id;
  const turn = await api<{ turn: { messages: MessageView[] } }>(`/api/conversations/${id}/turns`, {
    method: 'POST',
    body: { prompt },
  });
  expect(turn.status).toBe(201);
  return { id, messages: turn.body.turn.messages, upstream: turn.upstream };
}

/** A message as the conversation's API shows it now. */
export async function messageNow(conversationId: string, messageId: string): Promise<MessageView> {
  const { body } = await api<{ conversation: ConversationView }>(
    `/api/conversations/${conversationId}`,
  );
  const message = body.conversation.turns
    .flatMap((turn) => turn.messages)
    .find((candidate) => candidate.id === messageId);
  if (!message) throw new Error(`message ${messageId} is not in conversation ${conversationId}`);
  return message;
}

/** Polls until the message passes `check`; returns it. */
export async function waitForMessage(
  conversationId: string,
  messageId: string,
  check: (message: MessageView) => boolean,
  timeoutMs = 15_000,
): Promise<MessageView> {
  let last: MessageView | undefined;
  await expect
    .poll(
      async () => {
        last = await messageNow(conversationId, messageId);
        return check(last);
      },
      { timeout: timeoutMs, intervals: [100, 200, 250] },
    )
    .toBe(true);
  if (!last) throw new Error('unreachable: poll passed without a message');
  return last;
}

/**
 * After a test killed an instance (`url`): the harness starts it again (SIGUSR2), and nginx
 * alternates between both instances once more, for whatever runs next.
 */
export async function restoreInstances(url: string) {
  process.kill(stack().harnessPid, 'SIGUSR2');
  await expect
    .poll(async () => (await fetch(`${url}/sign-in`).catch(() => null))?.status, {
      timeout: 120_000,
      intervals: [500],
    })
    .toBe(200);
  await expect
    .poll(
      async () => {
        const seen = new Set<string>();
        for (let n = 0; n < 4; n += 1) seen.add((await api('/api/multi-instance-probe')).upstream);
        return seen.size;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(upstreams().length);
}
