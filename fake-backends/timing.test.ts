import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBackends, startFakeBackends } from './start';
import { openRaw, rawRequest, waitFor } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends({ catalog: false });
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const twentyWords = Array.from({ length: 20 }, (_, index) => `w${index}`).join(' ');
const messages = [{ role: 'user', content: 'hi' }];

describe('timing', () => {
  it('emits 20 tokens at 50 tok/s after the configured TTFT, without drift', async () => {
    fakes.scriptModel('openai', { id: 'm', answer: twentyWords, tokensPerSecond: 50, ttftMs: 100 });
    const sent = performance.now();
    const res = await rawRequest(`${fakes.urls.openai}/chat/completions`, {
      body: { model: 'm', messages, stream: true },
    });
    expect(res.body).toContain('[DONE]');

    const [run] = fakes.runs('openai');
    if (!run) throw new Error('no run recorded');
    expect(run.tokenTimes).toHaveLength(20);
    run.tokenTimes.forEach((at, index) => {
      // Each token is due at 100 + 20·i ms; timers may be late by a little, never early.
      expect(at).toBeGreaterThanOrEqual(100 + 20 * index - 1);
      expect(at).toBeLessThan(100 + 20 * index + 30);
    });
    expect(run).toMatchObject({
      ttftMs: 100,
      tokensPerSecond: 50,
      completionTokens: 20,
      aborted: false,
    });
    expect((run.firstTokenAt ?? 0) - run.startedAt).toBeGreaterThanOrEqual(99);

    // The client sees the same schedule: whole stream in about 100 + 19·20 = 480 ms.
    const elapsed = (res.chunkTimes.at(-1) ?? 0) - sent;
    expect(elapsed).toBeGreaterThan(470);
    expect(elapsed).toBeLessThan(650);
  });

  it('splits a multi-byte character across two socket writes when asked', async () => {
    fakes.scriptModel('ollama', {
      id: 'm',
      answer: 'plain café 🐔',
      splitUtf8: true,
      tokensPerSecond: 200,
      ttftMs: 0,
    });
    const res = await rawRequest(`${fakes.urls.ollama}/api/chat`, {
      body: { model: 'm', messages },
    });
    const cutInside = res.chunks.findIndex((chunk) => {
      const text = chunk.toString('utf8');
      return text.endsWith('\ufffd') || /^[\ufffd]/.test(text);
    });
    expect(cutInside).toBeGreaterThanOrEqual(0);
    // 'é' is C3 A9: the first read ends with C3, the next begins with A9.
    expect(res.chunks[cutInside]?.at(-1)).toBe(0xc3);
    expect(res.chunks[cutInside + 1]?.[0]).toBe(0xa9);
    // Reassembled, nothing is lost.
    const text = res.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line).message.content)
      .join('');
    expect(text).toBe('plain café 🐔');
  });

  it('stops the stream and clears its timers when the client disconnects', async () => {
    fakes.scriptModel('ollama', { id: 'm', answer: twentyWords, tokensPerSecond: 100, ttftMs: 0 });
    const stream = openRaw(`${fakes.urls.ollama}/api/chat`, { body: { model: 'm', messages } });
    await waitFor(() => stream.chunks.length >= 3, 'three tokens');
    stream.abort();
    await waitFor(() => fakes.runs('ollama')[0]?.aborted === true, 'the run to be aborted');
    const emitted = fakes.runs('ollama')[0]?.completionTokens ?? 0;
    expect(emitted).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fakes.runs('ollama')[0]?.completionTokens).toBe(emitted);
  });

  it('ends open streams on close(), marking their runs aborted', async () => {
    const own = await startFakeBackends({ catalog: false });
    own.scriptModel('deepseek', { id: 'm', fault: { kind: 'stall', afterTokens: 1 }, ttftMs: 0 });
    const stream = openRaw(`${own.urls.deepseek}/chat/completions`, {
      body: { model: 'm', messages, stream: true },
      headers: { authorization: 'Bearer sk-test' },
    });
    await waitFor(() => stream.text().includes('"content"'), 'the first token');
    await own.close();
    const result = await stream.done;
    expect(result.error).not.toBeNull();
    expect(own.runs()[0]).toMatchObject({ aborted: true, endedAt: expect.any(Number) });
  });
});
