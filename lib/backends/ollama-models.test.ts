import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBackends, startFakeBackends } from '@/fake-backends/start';
import { rawRequest } from '@/fake-backends/test-client';
import { deleteModel, loadedModels, type PullProgress, pullModel } from './ollama-models';
import type { BackendConnection } from './types';

let fakes: FakeBackends;
let ollama: BackendConnection;
beforeAll(async () => {
  fakes = await startFakeBackends({ ports: { ollama: 0, openai: 0, deepseek: 0 } });
  ollama = { kind: 'ollama', baseUrl: fakes.urls.ollama, label: 'GPU box' };
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const signal = () => AbortSignal.timeout(5000);
const installed = async () =>
  JSON.parse((await rawRequest(`${fakes.urls.ollama}/api/tags`)).body).models.map(
    (model: { name: string }) => model.name,
  );

describe('the Ollama model calls', () => {
  it('pulls a model with its progress, which then lists', async () => {
    const lines: PullProgress[] = [];
    for await (const line of pullModel(ollama, 'qwen2.5:0.5b', signal())) lines.push(line);
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    expect(lines.at(-1)).toEqual({ status: 'success' });
    const weights = lines.filter((line) => line.digest?.includes('c5396e06af29'));
    expect(weights[0]).toMatchObject({ total: 397_808_399 });
    expect(weights.at(-1)).toMatchObject({ completed: 397_808_399 });
    expect(await installed()).toContain('qwen2.5:0.5b');
  });

  it('names the backend and the model when the registry has no such model', async () => {
    const pulling = async () => {
      for await (const _line of pullModel(ollama, 'no-such:1b', signal())) {
        // Only the manifest line comes before the error.
      }
    };
    await expect(pulling()).rejects.toMatchObject({
      code: 'model_not_found',
      message: expect.stringMatching(/^GPU box found no model named "no-such:1b"/),
    });
  });

  it('stops a pull when its caller stops reading', async () => {
    await rawRequest(`${fakes.urls.ollama}/__fake/pull-pace`, { body: { stepMs: 30 } });
    let seen = 0;
    for await (const line of pullModel(ollama, 'gemma3:1b', signal())) {
      if (line.completed) seen += 1;
      if (seen === 2) break;
    }
    await expect
      .poll(async () => JSON.parse((await rawRequest(`${fakes.urls.ollama}/__fake/pulls`)).body))
      .toMatchObject({ pulls: [{ model: 'gemma3:1b', outcome: 'aborted' }] });
    expect(await installed()).not.toContain('gemma3:1b');
  });

  it('lists what is loaded, partly on CPU, and deletes a model', async () => {
    expect(await loadedModels(ollama, signal())).toEqual([]);
    fakes.scriptModel('ollama', {
      id: 'big:32b',
      tokensPerSecond: 2000,
      ttftMs: 1,
      details: { sizeBytes: 19_851_337_640, vramFraction: 0.62 },
    });
    await rawRequest(`${fakes.urls.ollama}/api/chat`, {
      body: {
        model: 'big:32b',
        messages: [{ role: 'user', content: 'hi' }],
        stream: false,
      },
    });
    const [loaded] = await loadedModels(ollama, signal());
    expect(loaded).toMatchObject({ id: 'big:32b', sizeBytes: 19_851_337_640 });
    expect((loaded?.vramBytes ?? 0) / (loaded?.sizeBytes ?? 1)).toBeCloseTo(0.62, 2);
    expect(Date.parse(loaded?.expiresAt ?? '')).toBeGreaterThan(Date.now());

    await deleteModel(ollama, 'llama3.2:3b', signal());
    expect(await installed()).not.toContain('llama3.2:3b');
    await expect(deleteModel(ollama, 'llama3.2:3b', signal())).rejects.toMatchObject({
      code: 'model_not_found',
      message: expect.stringMatching(/^GPU box does not know model "llama3.2:3b" \(HTTP 404\)/),
    });
  });
});
