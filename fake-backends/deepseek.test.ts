import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBackends, startFakeBackends } from './start';
import { rawRequest, sseEvents } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends({ catalog: false, keepAliveMs: 20 });
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const auth = { authorization: 'Bearer sk-test' };
const chat = (
  body: Record<string, unknown>,
  headers: Record<string, string> = auth,
  path = '/chat/completions',
) =>
  rawRequest(`${fakes.urls.deepseek}${path}`, {
    body: { messages: [{ role: 'user', content: 'hi' }], ...body },
    headers,
  });

describe('DeepSeek API', () => {
  it('sends keep-alive comments before the first data, usage on the finish chunk, then [DONE]', async () => {
    fakes.scriptModel('deepseek', {
      id: 'deepseek-v4-flash',
      reasoningStyle: 'field',
      reasoning: 'Think',
      answer: 'Done',
      tokensPerSecond: 1000,
      ttftMs: 90,
    });
    const res = await chat({
      model: 'deepseek-v4-flash',
      stream: true,
      stream_options: { include_usage: true },
    });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const blocks = res.body.split('\n\n');
    const firstData = blocks.findIndex((block) => block.startsWith('data: '));
    expect(firstData).toBeGreaterThanOrEqual(2);
    expect(blocks.slice(0, firstData).every((block) => block === ': keep-alive')).toBe(true);

    const data = blocks.slice(firstData).filter(Boolean);
    expect(data.at(-1)).toBe('data: [DONE]');
    expect(data[0]).toMatch(
      /^data: \{"id":"[0-9a-f-]{36}","object":"chat.completion.chunk","created":\d+,"model":"deepseek-v4-flash","system_fingerprint":"fp_[^"]+","choices":\[\{"index":0,"delta":\{"role":"assistant","content":null,"reasoning_content":""\},"logprobs":null,"finish_reason":null\}\]\}$/,
    );
    expect(data[1]).toContain('"delta":{"content":null,"reasoning_content":"Think"}');
    expect(data[2]).toContain('"delta":{"content":"Done","reasoning_content":null}');
    expect(data[3]).toMatch(
      /"delta":\{"content":"","reasoning_content":null\},"logprobs":null,"finish_reason":"stop"\}\],"usage":\{"prompt_tokens":\d+,"completion_tokens":2,"total_tokens":\d+,/,
    );
    // No separate usage chunk, even though include_usage was set.
    expect(data).toHaveLength(5);
    expect(res.body.match(/"usage"/g)).toHaveLength(1);
  });

  it('serves both /chat/completions and /v1/chat/completions, /models and /v1/models', async () => {
    fakes.scriptModel('deepseek', {
      id: 'deepseek-v4-pro',
      answer: 'ok',
      tokensPerSecond: 1000,
      ttftMs: 0,
    });
    for (const path of ['/chat/completions', '/v1/chat/completions']) {
      const res = await chat({ model: 'deepseek-v4-pro', stream: true }, auth, path);
      expect(sseEvents(res.body).at(-1)).toBe('[DONE]');
    }
    for (const path of ['/models', '/v1/models']) {
      const res = await rawRequest(`${fakes.urls.deepseek}${path}`, { headers: auth });
      expect(JSON.parse(res.body)).toEqual({
        object: 'list',
        data: [{ id: 'deepseek-v4-pro', object: 'model', owned_by: 'deepseek' }],
      });
    }
  });

  it('answers 401 to a missing or invalid key', async () => {
    fakes.scriptModel('deepseek', { id: 'm' });
    const invalid = await chat(
      { model: 'm', stream: true },
      { authorization: 'Bearer sk-invalid' },
    );
    expect(invalid.status).toBe(401);
    expect(invalid.body).toBe(
      '{"error":{"message":"Authentication Fails, Your api key: ****alid is invalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}',
    );
    const missing = await chat({ model: 'm', stream: true }, {});
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.type).toBe('authentication_error');
    const models = await rawRequest(`${fakes.urls.deepseek}/models`);
    expect(models.status).toBe(401);
  });

  it('words its account and load errors', async () => {
    const cases = [
      [402, 'Insufficient Balance'],
      [429, 'Rate limit reached for requests'],
      [503, 'Server overloaded, please try again later.'],
    ] as const;
    for (const [status, message] of cases) {
      fakes.scriptModel('deepseek', { id: 'm', fault: { kind: 'http-error', status } });
      const res = await chat({ model: 'm', stream: true });
      expect(res.status).toBe(status);
      expect(JSON.parse(res.body)).toEqual({
        error: { message, type: expect.any(String), param: null, code: expect.any(String) },
      });
    }
  });

  it('ends a failed stream with its error record and no [DONE]', async () => {
    fakes.scriptModel('deepseek', {
      id: 'm',
      answer: 'a b c',
      ttftMs: 0,
      tokensPerSecond: 1000,
      fault: { kind: 'error-mid-stream', afterTokens: 1, message: 'Server Error' },
    });
    const res = await chat({ model: 'm', stream: true });
    expect(
      res.body.endsWith(
        'data: {"error":{"message":"Server Error","type":"server_error","param":null,"code":"server_error"}}\n\n',
      ),
    ).toBe(true);
    expect(res.body).not.toContain('[DONE]');
  });

  it('refuses two user messages in a row for the reasoner, in its own words, not for chat', async () => {
    fakes.scriptModel('deepseek', { id: 'deepseek-reasoner', reasoningStyle: 'field' });
    fakes.scriptModel('deepseek', { id: 'deepseek-chat', tokensPerSecond: 1000, ttftMs: 0 });
    const messages = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'one' },
      { role: 'user', content: 'two' },
    ];

    const refused = await chat({ model: 'deepseek-reasoner', messages, stream: true });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toEqual({
      error: {
        message:
          'deepseek-reasoner does not support successive user or assistant messages (messages[1] and messages[2] in your input). You should interleave the user/assistant messages in the message sequence.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_request_error',
      },
    });
    expect((await chat({ model: 'deepseek-chat', messages, stream: true })).status).toBe(200);
    const alternating = [
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'two' },
    ];
    fakes.scriptModel('deepseek', {
      id: 'deepseek-reasoner',
      reasoningStyle: 'field',
      tokensPerSecond: 1000,
      ttftMs: 0,
    });
    const served = await chat({ model: 'deepseek-reasoner', messages: alternating, stream: true });
    expect(served.status).toBe(200);
  });

  it('answers context-too-long with a 400 in its own error shape', async () => {
    fakes.scriptModel('deepseek', {
      id: 'm',
      fault: { kind: 'context-too-long' },
      details: { contextLength: 65536 },
    });
    const res = await chat({ model: 'm', stream: true });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({
      message: expect.stringMatching(/^This model's maximum context length is 65536 tokens\./),
      type: 'invalid_request_error',
    });
  });
});
