import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBackends, startFakeBackends } from './start';
import { rawRequest, sseEvents } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends({ catalog: false });
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const fast = { tokensPerSecond: 1000, ttftMs: 5 };
const chat = (body: Record<string, unknown>) =>
  rawRequest(`${fakes.urls.openai}/chat/completions`, {
    body: { messages: [{ role: 'user', content: 'hi' }], ...body },
  });

describe('vLLM /v1/chat/completions', () => {
  it('frames SSE exactly: role chunk, tokens, finish chunk, usage chunk, [DONE]', async () => {
    fakes.scriptModel('openai', { id: 'q', answer: 'Héllo there', ...fast });
    const res = await chat({ model: 'q', stream: true, stream_options: { include_usage: true } });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const blocks = res.body.split('\n\n');
    expect(blocks.at(-1)).toBe('');
    expect(blocks.at(-2)).toBe('data: [DONE]');
    const head = '"object":"chat.completion.chunk","created":\\d+,"model":"q","choices":';
    expect(blocks[0]).toMatch(
      new RegExp(
        `^data: \\{"id":"chatcmpl-[0-9a-f]{32}",${head}\\[\\{"index":0,"delta":\\{"role":"assistant","content":""\\},"logprobs":null,"finish_reason":null\\}\\]\\}$`,
      ),
    );
    expect(blocks[1]).toContain(
      '"delta":{"content":"Héllo"},"logprobs":null,"finish_reason":null}]}',
    );
    expect(blocks[3]).toContain(
      '"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null}]}',
    );
    expect(blocks[3]).not.toContain('usage');
    expect(blocks[4]).toMatch(
      /"choices":\[\],"usage":\{"prompt_tokens":\d+,"total_tokens":\d+,"completion_tokens":2\}\}$/,
    );
    const ids = new Set(
      sseEvents(res.body).flatMap((event) =>
        typeof event === 'object' && event && 'id' in event ? [event.id] : [],
      ),
    );
    expect(ids.size).toBe(1);
  });

  it('sends no usage at all without include_usage', async () => {
    fakes.scriptModel('openai', { id: 'q', answer: 'a b', ...fast });
    const res = await chat({ model: 'q', stream: true });
    expect(res.body).not.toContain('usage');
    expect(sseEvents(res.body)).toHaveLength(5);
  });

  it('streams reasoning under reasoning_content or reasoning, by style', async () => {
    fakes.scriptModel('openai', {
      id: 'parser',
      reasoningStyle: 'field',
      reasoning: 'x',
      answer: 'y',
      ...fast,
    });
    fakes.scriptModel('openai', {
      id: 'qwen3',
      reasoningStyle: 'reasoning-field',
      reasoning: 'x',
      answer: 'y',
      ...fast,
    });
    const withParser = await chat({ model: 'parser', stream: true });
    expect(withParser.body).toContain('"delta":{"reasoning_content":"x"}');
    const qwen = await chat({ model: 'qwen3', stream: true });
    expect(qwen.body).toContain('"delta":{"reasoning":"x"}');
    expect(qwen.body).toContain('"delta":{"content":"y"}');
  });

  it('puts a bare </think> in content for closing-tag models', async () => {
    fakes.scriptModel('openai', {
      id: 'distill',
      reasoningStyle: 'closing-tag',
      reasoning: 'hm',
      answer: 'ok',
      ...fast,
    });
    const res = await chat({ model: 'distill', stream: true });
    const contents = sseEvents(res.body)
      .slice(1, -2)
      .map(
        (event) =>
          (event as { choices: { delta: { content: string } }[] }).choices[0]?.delta.content,
      );
    expect(contents).toEqual(['hm\n', '</think>', '\n\nok']);
  });

  it('honours max_tokens and max_completion_tokens with finish_reason length', async () => {
    fakes.scriptModel('openai', { id: 'q', answer: 'a b c d e', ...fast });
    for (const limit of [{ max_tokens: 2 }, { max_completion_tokens: 2 }]) {
      const res = await chat({ model: 'q', stream: true, ...limit });
      expect(res.body).toContain('"finish_reason":"length","stop_reason":null');
      expect(sseEvents(res.body)).toHaveLength(5);
    }
  });

  it('answers stream:false with a chat.completion object', async () => {
    fakes.scriptModel('openai', {
      id: 'q',
      reasoningStyle: 'field',
      reasoning: 'r',
      answer: 'a b',
      ...fast,
    });
    const res = await chat({ model: 'q' });
    expect(JSON.parse(res.body)).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          message: { role: 'assistant', content: 'a b', reasoning_content: 'r' },
          finish_reason: 'stop',
        },
      ],
      usage: { completion_tokens: 3 },
    });
  });

  it('words errors as vLLM does', async () => {
    const missing = await chat({ model: 'nope', stream: true });
    expect(missing.status).toBe(404);
    expect(missing.body).toBe(
      '{"object":"error","message":"The model `nope` does not exist.","type":"NotFoundError","param":null,"code":404}',
    );

    fakes.scriptModel('openai', {
      id: 'small',
      fault: { kind: 'context-too-long' },
      details: { contextLength: 4096 },
    });
    const long = await chat({ model: 'small', stream: true, max_tokens: 1000 });
    expect(long.status).toBe(400);
    expect(JSON.parse(long.body)).toEqual({
      object: 'error',
      message:
        "This model's maximum context length is 4096 tokens. However, you requested 4097 tokens (3097 in the messages, 1000 in the completion). Please reduce the length of the messages or completion.",
      type: 'BadRequestError',
      param: null,
      code: 400,
    });
  });

  it("takes two user messages in a row, as the R1 distills' chat template does", async () => {
    fakes.scriptModel('openai', { id: 'r1', reasoningStyle: 'closing-tag', ...fast });
    const messages = [
      { role: 'user', content: 'one' },
      { role: 'user', content: 'two' },
    ];
    expect((await chat({ model: 'r1', messages, stream: true })).status).toBe(200);
  });

  it('lists models', async () => {
    fakes.scriptModel('openai', { id: 'Qwen/Qwen3-8B', details: { contextLength: 40960 } });
    const res = await rawRequest(`${fakes.urls.openai}/models`);
    expect(JSON.parse(res.body)).toMatchObject({
      object: 'list',
      data: [
        {
          id: 'Qwen/Qwen3-8B',
          object: 'model',
          created: expect.any(Number),
          owned_by: 'vllm',
          root: 'Qwen/Qwen3-8B',
          parent: null,
          max_model_len: 40960,
        },
      ],
    });
  });
});
