import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from './script';
import { type FakeBackends, startFakeBackends } from './start';
import { openRaw, rawRequest, sseEvents, waitFor } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends({ catalog: false });
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const messages = [{ role: 'user', content: 'hi' }];
const answer = 'one two three four five';

function script(kind: 'ollama' | 'openai', fault: Fault) {
  fakes.scriptModel(kind, { id: 'm', answer, tokensPerSecond: 500, ttftMs: 5, fault });
}
const ollamaUrl = () => `${fakes.urls.ollama}/api/chat`;
const openaiUrl = () => `${fakes.urls.openai}/chat/completions`;
const ollamaBody = { model: 'm', messages };
const openaiBody = { model: 'm', messages, stream: true };
const ndjson = (body: string) => body.split('\n').filter(Boolean);

describe('faults before the stream', () => {
  it('answers http-error with the status and the protocol error body', async () => {
    script('ollama', { kind: 'http-error', status: 503 });
    const ollama = await rawRequest(ollamaUrl(), { body: ollamaBody });
    expect(ollama.status).toBe(503);
    expect(JSON.parse(ollama.body)).toEqual({ error: expect.stringContaining('server busy') });

    script('openai', { kind: 'http-error', status: 500, message: 'engine died' });
    const vllm = await rawRequest(openaiUrl(), { body: openaiBody });
    expect(vllm.status).toBe(500);
    expect(JSON.parse(vllm.body)).toMatchObject({
      object: 'error',
      message: 'engine died',
      code: 500,
    });
  });

  it('answers model-not-found for a listed model', async () => {
    script('ollama', { kind: 'model-not-found' });
    const res = await rawRequest(ollamaUrl(), { body: ollamaBody });
    expect(res.status).toBe(404);
  });
});

describe('faults in the middle of the stream', () => {
  it('error-mid-stream: an error record after N tokens', async () => {
    script('ollama', { kind: 'error-mid-stream', afterTokens: 2, message: 'out of memory' });
    const ollama = await rawRequest(ollamaUrl(), { body: ollamaBody });
    const lines = ndjson(ollama.body);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('{"error":"out of memory"}');

    script('openai', { kind: 'error-mid-stream', afterTokens: 1, message: 'boom' });
    const vllm = await rawRequest(openaiUrl(), { body: openaiBody });
    expect(
      vllm.body.endsWith(
        'data: {"error": {"object": "error", "message": "boom", "type": "InternalServerError", "param": null, "code": 500}}\n\ndata: [DONE]\n\n',
      ),
    ).toBe(true);
    expect(fakes.runs('openai')[0]).toMatchObject({
      completionTokens: 1,
      aborted: false,
      finishReason: null,
    });
  });

  it('malformed-line: one line that is not JSON, then the stream goes on', async () => {
    script('ollama', { kind: 'malformed-line', afterTokens: 1 });
    const res = await rawRequest(ollamaUrl(), { body: ollamaBody });
    const lines = ndjson(res.body);
    expect(lines).toHaveLength(7);
    expect(() => JSON.parse(lines[1] ?? '')).toThrow();
    expect(JSON.parse(lines[6] ?? '')).toMatchObject({ done: true });
  });

  it('truncate: ends cleanly with no final record, finish_reason or [DONE]', async () => {
    script('openai', { kind: 'truncate', afterTokens: 2 });
    const vllm = await rawRequest(openaiUrl(), { body: openaiBody });
    expect(vllm.error).toBeNull();
    expect(vllm.body).not.toContain('finish_reason":"stop');
    expect(vllm.body).not.toContain('[DONE]');
    expect(sseEvents(vllm.body)).toHaveLength(3);

    script('ollama', { kind: 'truncate', afterTokens: 2 });
    const ollama = await rawRequest(ollamaUrl(), { body: ollamaBody });
    expect(ollama.error).toBeNull();
    expect(ndjson(ollama.body).map((line) => JSON.parse(line).done)).toEqual([false, false]);
  });

  it('drop: destroys the socket after N tokens', async () => {
    script('openai', { kind: 'drop', afterTokens: 2 });
    const res = await rawRequest(openaiUrl(), { body: openaiBody });
    expect(res.error).not.toBeNull();
    expect(sseEvents(res.body)).toHaveLength(3);
    expect(fakes.runs('openai')[0]).toMatchObject({ completionTokens: 2, aborted: false });
  });

  it('stall: stops after N tokens and keeps the socket open until the client leaves', async () => {
    script('ollama', { kind: 'stall', afterTokens: 2 });
    const stream = openRaw(ollamaUrl(), { body: ollamaBody });
    await waitFor(() => ndjson(stream.text()).length === 2, 'two lines');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ndjson(stream.text())).toHaveLength(2);
    expect(fakes.runs('ollama')[0]?.endedAt).toBeNull();
    stream.abort();
    await waitFor(() => fakes.runs('ollama')[0]?.aborted === true, 'the run to be aborted');
  });

  it('keepalive-only: SSE comments forever; Ollama headers and then nothing', async () => {
    fakes.scriptModel('openai', { id: 'm', fault: { kind: 'keepalive-only', intervalMs: 10 } });
    const sse = openRaw(openaiUrl(), { body: openaiBody });
    await waitFor(() => sse.text().split(': keep-alive\n\n').length > 4, 'keep-alive comments');
    expect(sse.text().replaceAll(': keep-alive\n\n', '')).toBe('');
    sse.abort();

    fakes.scriptModel('ollama', { id: 'm', fault: { kind: 'keepalive-only' } });
    const ollama = openRaw(ollamaUrl(), { body: ollamaBody });
    expect((await ollama.head).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ollama.chunks).toHaveLength(0);
    ollama.abort();
    await waitFor(() => fakes.runs().every((run) => run.aborted), 'both runs to be aborted');
  });
});
