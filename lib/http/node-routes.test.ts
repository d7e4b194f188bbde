import net from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { liveMessages } from '@/lib/generation/registry';
import { type GateServer, startGateServer } from '@/test/gate-server';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';
import { MAX_JSON_BODY_BYTES } from './read-body';

let fakes: FakeBackends;
let gate: GateServer;
let base: string;

beforeAll(async () => {
  fakes = await startFakes();
  gate = await startGateServer();
  base = gate.base;
});
afterAll(async () => {
  await gate.close();
  await fakes.close();
});

async function conversation(tokens = 6) {
  const answer = Array.from({ length: tokens }, (_, i) => `w${i}`).join(' ');
  const row = await lineupOf(fakes, [
    {
      kind: 'openai',
      script: { id: uniqueModel('node'), ttftMs: 20, tokensPerSecond: 50, answer },
    },
  ]);
  return { id: row.id, answer };
}

const postTurn = (conversationId: string, body: string) =>
  fetch(`${base}/api/conversations/${conversationId}/turns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

it('leaves every other route to Next.js', async () => {
  const { id } = await conversation();
  expect((await fetch(`${base}/api/conversations`)).status).toBe(418);
  expect((await fetch(`${base}/api/conversations/${id}/turns?before=1`)).status).toBe(418);
});

it('starts a turn and streams it: 201 with the messages, then their events to `done`', async () => {
  const { id, answer } = await conversation();

  const posted = await postTurn(id, JSON.stringify({ prompt: 'count' }));
  expect(posted.status).toBe(201);
  expect(posted.headers.get('x-content-type-options')).toBe('nosniff');
  const { turn } = (await posted.json()) as { turn: { messages: { id: string }[] } };
  const messageId = turn.messages[0]?.id ?? '';

  const events = await fetch(`${base}/api/events?m=${messageId}`);
  expect(events.status).toBe(200);
  expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const text = await events.text();
  const content = [...text.matchAll(/"type":"content","text":"([^"]*)"/g)]
    .map((match) => match[1])
    .join('');
  const snapshot = /"type":"snapshot".*?"content":"([^"]*)"/.exec(text)?.[1] ?? '';
  expect((snapshot + content).trim()).toBe(answer);
  expect(text).toMatch(/"type":"done","status":"done"/);
});

it('answers bad requests with the one error shape, before any stream starts', async () => {
  const { id } = await conversation();
  const cases: [Promise<Response>, number, string][] = [
    [postTurn(id, '{not json'), 400, 'bad_request'],
    [postTurn(id, JSON.stringify({ prompt: '' })), 400, 'bad_request'],
    [postTurn(id, JSON.stringify({ prompt: 'x'.repeat(1_000_001) })), 413, 'payload_too_large'],
    // Valid JSON and a valid prompt: only the size cap refuses it.
    [postTurn(id, `{"prompt":"hi"}${' '.repeat(MAX_JSON_BODY_BYTES)}`), 413, 'payload_too_large'],
    [postTurn('no-such-conversation', JSON.stringify({ prompt: 'hi' })), 404, 'not_found'],
    [fetch(`${base}/api/events`), 400, 'bad_request'],
    // The gate decides first: what names no message of the viewer's is not found.
    [fetch(`${base}/api/events?m=bad!id`), 404, 'not_found'],
    [fetch(`${base}/api/events?m=no-such-message`), 404, 'not_found'],
    [fetch(`${base}/api/messages/no-such-message/events`), 404, 'not_found'],
  ];
  for (const [response, status, code] of cases) {
    const answered = await response;
    expect(answered.status).toBe(status);
    expect(((await answered.json()) as { error: { code: string } }).error.code).toBe(code);
  }
});

it('resumes one message after Last-Event-ID, and a client that leaves only ends its own stream', async () => {
  const { id, answer } = await conversation(100);
  const posted = await postTurn(id, JSON.stringify({ prompt: 'count' }));
  const { turn } = (await posted.json()) as { turn: { messages: { id: string }[] } };
  const messageId = turn.messages[0]?.id ?? '';
  const live = liveMessages.get(messageId);
  if (!live) throw new Error('the message should be live');

  // Read until a few content events are in, then hang up.
  const controller = new AbortController();
  const first = await fetch(`${base}/api/messages/${messageId}/events`, {
    signal: controller.signal,
  });
  const reader = (first.body as ReadableStream<Uint8Array>).getReader();
  let seen = '';
  while ((seen.match(/"type":"content"/g) ?? []).length < 3) {
    seen += new TextDecoder().decode((await reader.read()).value);
  }
  expect(live.listenerCount).toBe(1);
  controller.abort();
  // The server sees the socket close and drops that subscription; generation goes on.
  for (let waited = 0; live.listenerCount > 0 && waited < 500; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(live.listenerCount).toBe(0);
  expect(liveMessages.get(messageId)).toBe(live);
  const lastId = [...seen.matchAll(/^id: (.*)$/gm)].at(-1)?.[1] ?? '';
  expect(lastId).toMatch(/^1\.0\.0\.\d+$/);

  const rest = await fetch(`${base}/api/messages/${messageId}/events`, {
    headers: { 'Last-Event-ID': lastId },
  });
  const text = await rest.text();
  expect(text).not.toMatch(/"type":"snapshot"/);
  expect(text).toMatch(/"type":"done","status":"done"/);
  const [row] = await settled([messageId]);
  expect(row?.status).toBe('done');
  expect(row?.content.trim()).toBe(answer);
});

it('cuts off a client that stops reading instead of buffering the answer for it', async () => {
  // 12 MB of text: three times what the kernel's socket buffers take (up to 4 MB here) plus
  // the cap, so only the cap can end the connection before the answer does.
  // Few, large tokens: the same bytes for a fraction of the events (and of the CPU) on a busy
  // machine, where a long pause would end the stream by the test's 1 s stall timeout.
  const tokens = 6_000;
  const answer = Array.from({ length: tokens }, (_, i) => `${i}`.padEnd(2_000, 'x')).join(' ');
  const row = await lineupOf(fakes, [
    {
      kind: 'openai',
      script: { id: uniqueModel('flood'), ttftMs: 5, tokensPerSecond: 4_000, answer },
    },
  ]);
  const posted = await postTurn(row.id, JSON.stringify({ prompt: 'flood' }));
  const { turn } = (await posted.json()) as { turn: { messages: { id: string }[] } };
  const messageId = turn.messages[0]?.id ?? '';
  const live = liveMessages.get(messageId);
  if (!live) throw new Error('the message should be live');

  // A client that sends its request, then reads nothing while the answer grows past what the
  // kernel's buffers and the cap hold; when it reads again it finds its connection was cut.
  const socket = net.connect(gate.port, '127.0.0.1');
  socket.pause();
  socket.write(
    `GET /api/messages/${messageId}/events HTTP/1.1\r\nHost: 127.0.0.1:${gate.port}\r\n\r\n`,
  );
  await vi.waitFor(() => expect(live.content.length).toBeGreaterThan(8_000_000), {
    timeout: 20_000,
    interval: 20,
  });
  expect(live.finished).toBe(false);
  expect(live.listenerCount).toBe(0);
  let received = '';
  await new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.once('close', () => resolve());
    socket.resume();
  });
  expect(received).toMatch(/^HTTP\/1\.1 200 /);
  expect(received).not.toContain('"type":"done"');
  expect(received.length).toBeLessThan(answer.length);
  const [done] = await settled([messageId]);
  expect(done?.content).toBe(answer);
}, 30_000);
