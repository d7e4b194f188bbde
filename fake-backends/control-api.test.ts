import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalog } from './catalog';
import { type FakeBackends, startFakeBackends } from './start';
import { rawRequest } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends();
});
afterAll(() => fakes.close());

describe('control API', () => {
  it('starts with the default catalog on every server', async () => {
    const tags = JSON.parse((await rawRequest(`${fakes.urls.ollama}/api/tags`)).body);
    expect(tags.models.map((model: { name: string }) => model.name)).toEqual(
      defaultCatalog.ollama.map((script) => script.id),
    );
    const vllm = JSON.parse((await rawRequest(`${fakes.urls.openai}/models`)).body);
    expect(vllm.data.map((model: { id: string }) => model.id)).toEqual([
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      'Qwen/Qwen3-8B',
    ]);
  });

  it('scripts a model over HTTP, serves it, reports the run, and resets', async () => {
    const bad = await rawRequest(`${fakes.urls.deepseek}/__fake/models`, {
      body: { id: 'x', tokensPerSecnd: 10 },
    });
    expect(bad.status).toBe(400);

    const added = await rawRequest(`${fakes.urls.deepseek}/__fake/models`, {
      body: { id: 'scripted', answer: 'Hi {{prompt}}', ttftMs: 0, tokensPerSecond: 1000 },
    });
    expect(added.status).toBe(200);
    expect(JSON.parse(added.body).model).toMatchObject({ id: 'scripted', reasoningStyle: 'none' });

    const body = { model: 'scripted', messages: [{ role: 'user', content: 'you' }] };
    const reply = await rawRequest(`${fakes.urls.deepseek}/chat/completions`, {
      body,
      headers: { authorization: 'Bearer sk-fake' },
    });
    expect(JSON.parse(reply.body).choices[0].message.content).toBe('Hi you');

    const { runs } = JSON.parse((await rawRequest(`${fakes.urls.deepseek}/__fake/runs`)).body);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      model: 'scripted',
      request: body,
      contentTokens: 2,
      completionTokens: 2,
      promptTokens: 8,
      finishReason: 'stop',
      aborted: false,
      fault: null,
    });
    expect(fakes.runs('deepseek')).toEqual(runs);
    expect(fakes.runs('ollama')).toEqual([]);

    const reset = await rawRequest(`${fakes.urls.deepseek}/__fake/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(fakes.runs()).toEqual([]);
    const models = JSON.parse(
      (
        await rawRequest(`${fakes.urls.deepseek}/models`, {
          headers: { authorization: 'Bearer k' },
        })
      ).body,
    );
    expect(models.data.map((model: { id: string }) => model.id)).toEqual([
      'deepseek-v4-flash',
      'deepseek-v4-pro',
    ]);
  });

  it('rejects bad scripts from the programmatic API too', () => {
    expect(() => fakes.scriptModel('ollama', { id: '' })).toThrow();
  });
});
