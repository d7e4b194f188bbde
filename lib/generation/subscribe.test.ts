import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import type { MessageEvent } from '@/lib/generation/events';
import { LiveMessage } from '@/lib/generation/live-message';
import { emptyMetrics } from '@/lib/generation/metrics';
import { liveMessages } from '@/lib/generation/registry';
import { startTurn } from '@/lib/generation/start-turn';
import { assertMessagesOwned, type Subscription, streamEvents } from '@/lib/generation/subscribe';
import { getLocalUser } from '@/lib/users';
import { lineupOf, settled, startFakes, uniqueModel } from '@/test/generation-harness';

let fakes: FakeBackends;
let ownerId: string;

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

type Frame = { id: string; event: MessageEvent & { messageId: string } };

/** A subscription's writes as they happen: what a response would send, chunk by chunk. */
class Recorder {
  readonly chunks: string[] = [];
  ended = false;
  readonly stop: () => void;
  private wake = () => {};

  constructor(subscriptions: Subscription[]) {
    this.stop = streamEvents(subscriptions, {
      write: (chunk) => {
        this.chunks.push(chunk);
        this.wake();
      },
      end: () => {
        this.ended = true;
        this.wake();
      },
    });
  }

  /** The next chunk written, or null once the stream has ended. */
  async next(): Promise<string | null> {
    while (this.read === this.chunks.length && !this.ended) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.chunks[this.read++] ?? null;
  }

  private read = 0;
}

const stream = (messageId: string, lastEventId: string | null) =>
  new Recorder([{ messageId, lastEventId }]);

/** Reads SSE frames until `count` have arrived (or the stream ends), then stops the stream. */
async function readFrames(recorder: Recorder, count = Number.POSITIVE_INFINITY) {
  const frames: Frame[] = [];
  let buffer = '';
  while (frames.length < count) {
    const chunk = await recorder.next();
    if (chunk === null) break;
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (block.startsWith(':')) continue;
      const id = /^id: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      frames.push({ id, event: JSON.parse(data) as Frame['event'] });
    }
  }
  recorder.stop();
  return frames;
}

function textOf(frames: Frame[]) {
  let content = '';
  for (const { event } of frames) {
    if (event.type === 'snapshot') content = event.content;
    if (event.type === 'content') content += event.text;
  }
  return content;
}

async function slowTurn() {
  const answer = Array.from({ length: 30 }, (_, i) => `t${i}`).join(' ');
  const conversation = await lineupOf(fakes, [
    { kind: 'openai', script: { id: uniqueModel('sse'), ttftMs: 20, tokensPerSecond: 40, answer } },
    { kind: 'ollama', script: { id: uniqueModel('sse'), ttftMs: 20, tokensPerSecond: 40, answer } },
  ]);
  const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
  return { turn, answer };
}

it('a client that reconnects with Last-Event-ID gets exactly what it missed, then live events', async () => {
  const { turn, answer } = await slowTurn();
  const id = turn.messages[0]?.id ?? '';
  const first = await readFrames(stream(id, null), 8);
  expect(first[0]?.event.type).toBe('snapshot');
  const lastId = first.at(-1)?.id ?? '';
  await new Promise((resolve) => setTimeout(resolve, 300));
  const rest = await readFrames(stream(id, lastId));
  expect(rest[0]?.event.type).not.toBe('snapshot');
  expect(rest.at(-1)?.event).toMatchObject({ type: 'done', status: 'done' });
  // Nothing repeated, nothing skipped: the two connections add up to the answer exactly.
  expect(textOf([...first, ...rest]).trim()).toBe(answer);
  // Every id is the position its event leaves the client at: the text received so far.
  let received = '';
  for (const frame of [...first, ...rest]) {
    if (frame.event.type === 'snapshot') received = frame.event.content;
    if (frame.event.type === 'content') received += frame.event.text;
    expect(frame.id).toBe(`1.0.0.${received.length}`);
  }
});

it('a browser that goes away does not stop generation; a later visit gets the whole answer', async () => {
  const { turn, answer } = await slowTurn();
  const id = turn.messages[1]?.id ?? '';
  await readFrames(stream(id, null), 3);
  const [row] = await settled([id]);
  expect(row?.status).toBe('done');
  const later = await readFrames(stream(id, null));
  expect(later.map((frame) => frame.event.type)).toEqual(['snapshot', 'done']);
  expect(textOf(later).trim()).toBe(answer);
});

it('a failed answer read after it ended comes with its error', async () => {
  const conversation = await lineupOf(fakes, [
    {
      kind: 'openai',
      script: { id: uniqueModel('limited'), fault: { kind: 'http-error', status: 429 } },
    },
    { kind: 'ollama', script: { id: uniqueModel('sse'), ttftMs: 5, tokensPerSecond: 400 } },
  ]);
  const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
  const id = turn.messages[0]?.id ?? '';
  const [row] = await settled([id]);
  expect(row?.status).toBe('error');
  const frames = await readFrames(stream(id, null));
  // In the snapshot: a client takes nothing after a final one (lib/client/message-state.ts).
  expect(frames.map((frame) => frame.event.type)).toEqual(['snapshot', 'done']);
  expect(frames[0]?.event).toMatchObject({ status: 'error', error: { code: 'rate_limited' } });
});

it('one connection carries every message of a turn and ends after the last one is done', async () => {
  const { turn, answer } = await slowTurn();
  const [a, b] = turn.messages.map((message) => message.id);
  if (!a || !b) throw new Error('two messages expected');
  const first = await readFrames(
    new Recorder([
      { messageId: a, lastEventId: null },
      { messageId: b, lastEventId: null },
    ]),
    12,
  );
  const lastOf = (id: string) =>
    first.filter((frame) => frame.event.messageId === id).at(-1)?.id ?? null;
  // Reconnect naming where each message stopped: the rest of both, nothing twice.
  const rest = await readFrames(
    new Recorder([
      { messageId: a, lastEventId: lastOf(a) },
      { messageId: b, lastEventId: lastOf(b) },
    ]),
  );
  for (const id of [a, b]) {
    const frames = [...first, ...rest].filter((frame) => frame.event.messageId === id);
    expect(textOf(frames).trim()).toBe(answer);
    expect(frames.at(-1)?.event).toMatchObject({ type: 'done', status: 'done' });
  }
});

it('sends what happens in one tick as one write, and every frame before the stream ends', async () => {
  const { turn } = await slowTurn();
  const id = turn.messages[0]?.id ?? '';
  await settled([id]);
  // A stand-in for the finished message, so the test decides when each event happens. Without
  // a row of its own: the checkpointer would find its row unmatched and end it.
  const live = new LiveMessage(id, 2);
  live.inDatabase = false;
  liveMessages.set(id, live);
  try {
    const recorder = stream(id, null);
    const typesIn = (chunk: string | null) =>
      [...(chunk ?? '').matchAll(/"type":"(\w+)"/g)].map((match) => match[1]);
    expect(typesIn(await recorder.next())).toEqual(['snapshot']);
    live.publish({ type: 'status', status: 'streaming' });
    expect(typesIn(await recorder.next())).toEqual(['status']);
    live.publish({ type: 'content', text: 'a' });
    live.publish({ type: 'metrics', metrics: emptyMetrics });
    expect(typesIn(await recorder.next())).toEqual(['content', 'metrics']);
    live.publish({ type: 'content', text: 'b' });
    live.publish({ type: 'done', status: 'done', metrics: emptyMetrics });
    expect(typesIn(await recorder.next())).toEqual(['content', 'done']);
    expect(await recorder.next()).toBeNull();
  } finally {
    liveMessages.delete(id);
  }
});

it('every subscription ends with done, even one that arrives as the message finishes', async () => {
  const model = uniqueModel('finishing');
  const conversation = await lineupOf(fakes, [
    { kind: 'openai', script: { id: model, ttftMs: 5, tokensPerSecond: 100, answer: 'a b c d e' } },
    { kind: 'ollama', script: { id: model, ttftMs: 5, tokensPerSecond: 100, answer: 'a b c d e' } },
  ]);
  const turn = await startTurn({ conversationId: conversation.id, ownerId, prompt: 'go' });
  const id = turn.messages[0]?.id ?? '';
  const endings: Promise<Frame[]>[] = [];
  // Subscribe every millisecond from the start until well after the end.
  while (liveMessages.has(id) || endings.length < 20) {
    endings.push(readFrames(stream(id, null)));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  for (let index = 0; index < 20; index += 1) endings.push(readFrames(stream(id, null)));
  const lasts = (await Promise.all(endings)).map((frames) => frames.at(-1)?.event);
  expect(lasts.filter((event) => event?.type !== 'done')).toEqual([]);
  await settled(turn.messages.map((message) => message.id));
});

it('refuses messages the caller does not own', async () => {
  const { turn } = await slowTurn();
  const mine = turn.messages.map((message) => message.id);
  await expect(assertMessagesOwned(ownerId, mine)).resolves.toBeUndefined();
  await expect(assertMessagesOwned('someone-else', mine)).rejects.toMatchObject({
    code: 'not_found',
  });
  await expect(assertMessagesOwned(ownerId, [...mine, 'nope'])).rejects.toMatchObject({
    code: 'not_found',
  });
  await settled(mine);
});

it('sends keep-alives while a stream is open, and none once it has ended or been stopped', async () => {
  vi.useFakeTimers();
  const ended = new LiveMessage('keepalive-ended', 1);
  const stopped = new LiveMessage('keepalive-stopped', 1);
  for (const live of [ended, stopped]) {
    // Stand-ins without rows, which the checkpointer would take for ended elsewhere.
    live.inDatabase = false;
    live.publish({ type: 'status', status: 'streaming' });
    liveMessages.set(live.id, live);
  }
  try {
    const writes = { ended: [] as string[], stopped: [] as string[] };
    streamEvents([{ messageId: ended.id, lastEventId: null }], {
      write: (chunk) => writes.ended.push(chunk),
      end: () => {},
    });
    const stop = streamEvents([{ messageId: stopped.id, lastEventId: null }], {
      write: (chunk) => writes.stopped.push(chunk),
      end: () => {},
    });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(writes.ended.at(-1)).toBe(': keep-alive\n\n');
    expect(writes.stopped.at(-1)).toBe(': keep-alive\n\n');
    ended.publish({ type: 'done', status: 'done', metrics: emptyMetrics });
    stop();
    const counts = [writes.ended.length, writes.stopped.length];
    await vi.advanceTimersByTimeAsync(60_000);
    expect([writes.ended.length, writes.stopped.length]).toEqual(counts);
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
    liveMessages.delete(ended.id);
    liveMessages.delete(stopped.id);
  }
});
