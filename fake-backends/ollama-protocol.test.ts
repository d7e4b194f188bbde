import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBackends, startFakeBackends } from './start';
import { rawRequest } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends({ catalog: false });
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const fast = { tokensPerSecond: 1000, ttftMs: 5 };
const chat = (body: Record<string, unknown>) =>
  rawRequest(`${fakes.urls.ollama}/api/chat`, {
    body: { messages: [{ role: 'user', content: 'hi' }], ...body },
  });
const lines = (body: string) => body.split('\n');

describe('Ollama /api/chat', () => {
  it('streams NDJSON with Go-escaped tags when think is absent', async () => {
    fakes.scriptModel('ollama', {
      id: 'r1',
      reasoningStyle: 'field',
      reasoning: 'Hmm.',
      answer: 'Yes.',
      ...fast,
    });
    const res = await chat({ model: 'r1' });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const all = lines(res.body);
    expect(all.at(-1)).toBe('');
    const dated = /^\{"model":"r1","created_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z",/;
    expect(all[0]).toMatch(dated);
    expect(all[0]).toMatch(
      /"message":\{"role":"assistant","content":"\\u003cthink\\u003e"\},"done":false\}$/,
    );
    expect(res.body).not.toContain('<think>');
    expect(all.slice(0, 5).map((line) => JSON.parse(line).message.content)).toEqual([
      '<think>',
      '\nHmm.\n',
      '</think>',
      '\n\nYes.',
      '',
    ]);
    const final = all[4] ?? '';
    expect(final).toMatch(
      /"message":\{"role":"assistant","content":""\},"done_reason":"stop","done":true,"total_duration":\d+,"load_duration":\d+,"prompt_eval_count":\d+,"prompt_eval_duration":\d+,"eval_count":4,"eval_duration":4000000\}$/,
    );
  });

  it('streams the trace in message.thinking when think is true', async () => {
    fakes.scriptModel('ollama', {
      id: 'r1',
      reasoningStyle: 'field',
      reasoning: 'A b',
      answer: 'C',
      ...fast,
    });
    const res = await chat({ model: 'r1', think: true });
    const records = lines(res.body)
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(records.map((record) => record.message)).toEqual([
      { role: 'assistant', content: '', thinking: 'A' },
      { role: 'assistant', content: '', thinking: ' b' },
      { role: 'assistant', content: 'C' },
      { role: 'assistant', content: '' },
    ]);
    const [run] = fakes.runs('ollama');
    expect(run).toMatchObject({ reasoningTokens: 2, contentTokens: 1, completionTokens: 3 });
  });

  it('refuses think on a model without the capability', async () => {
    fakes.scriptModel('ollama', { id: 'plain', ...fast });
    const res = await chat({ model: 'plain', think: true });
    expect(res.status).toBe(400);
    expect(res.body).toBe('{"error":"\\"plain\\" does not support thinking"}');
    // As Ollama does, it refuses only a truthy think.
    expect((await chat({ model: 'plain', think: false })).status).toBe(200);
  });

  it('answers stream:false with one object', async () => {
    fakes.scriptModel('ollama', {
      id: 'r1',
      reasoningStyle: 'field',
      reasoning: 'x <y>',
      answer: 'Hi there',
      ...fast,
    });
    const res = await chat({ model: 'r1', think: true, stream: false });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toContain('"thinking":"x \\u003cy\\u003e"');
    expect(JSON.parse(res.body)).toMatchObject({
      message: { role: 'assistant', content: 'Hi there', thinking: 'x <y>' },
      done: true,
      done_reason: 'stop',
      eval_count: 4,
    });
  });

  it('honours num_predict with done_reason length', async () => {
    fakes.scriptModel('ollama', { id: 'm', answer: 'one two three four five', ...fast });
    const res = await chat({ model: 'm', options: { num_predict: 2 } });
    const records = lines(res.body)
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(3);
    expect(records[2]).toMatchObject({ done: true, done_reason: 'length', eval_count: 2 });
  });

  it('fills {{prompt}} and {{messageCount}} from the request history', async () => {
    fakes.scriptModel('ollama', { id: 'm', answer: '{{messageCount}}: {{prompt}}', ...fast });
    const res = await chat({
      model: 'm',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'second' },
      ],
    });
    const text = lines(res.body)
      .filter(Boolean)
      .map((line) => JSON.parse(line).message.content)
      .join('');
    expect(text).toBe('3: second');
  });

  it('answers an unknown model with 404 as Ollama words it', async () => {
    const res = await chat({ model: 'nope:7b' });
    expect(res.status).toBe(404);
    expect(res.body).toBe('{"error":"model \\"nope:7b\\" not found, try pulling it first"}');
    expect(fakes.runs('ollama')[0]).toMatchObject({ status: 404, model: 'nope:7b' });
  });
});

describe('Ollama listings', () => {
  it('serves /, /api/version, /api/tags and /api/show', async () => {
    fakes.scriptModel('ollama', {
      id: 'deepseek-r1:7b',
      reasoningStyle: 'field',
      details: {
        parameterSize: '7.6B',
        quantization: 'Q4_K_M',
        family: 'qwen2',
        contextLength: 131072,
      },
    });
    const root = await rawRequest(`${fakes.urls.ollama}/`);
    expect(root.body).toBe('Ollama is running');
    const version = await rawRequest(`${fakes.urls.ollama}/api/version`);
    expect(JSON.parse(version.body)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });

    const tags = JSON.parse((await rawRequest(`${fakes.urls.ollama}/api/tags`)).body);
    expect(tags.models[0]).toEqual({
      name: 'deepseek-r1:7b',
      model: 'deepseek-r1:7b',
      modified_at: expect.any(String),
      size: expect.any(Number),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      details: {
        parent_model: '',
        format: 'gguf',
        family: 'qwen2',
        families: ['qwen2'],
        parameter_size: '7.6B',
        quantization_level: 'Q4_K_M',
      },
    });

    const show = await rawRequest(`${fakes.urls.ollama}/api/show`, {
      body: { model: 'deepseek-r1:7b' },
    });
    expect(JSON.parse(show.body)).toMatchObject({
      capabilities: ['completion', 'thinking'],
      model_info: { 'qwen2.context_length': 131072 },
    });
    const missing = await rawRequest(`${fakes.urls.ollama}/api/show`, { body: { model: 'x' } });
    expect(missing.status).toBe(404);
  });
});
