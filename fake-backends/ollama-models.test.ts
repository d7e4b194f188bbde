import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBackends, startFakeBackends } from './start';
import { openRaw, rawRequest, waitFor } from './test-client';

let fakes: FakeBackends;
beforeAll(async () => {
  fakes = await startFakeBackends({ catalog: false });
});
afterAll(() => fakes.close());
beforeEach(() => fakes.reset());

const url = (path: string) => `${fakes.urls.ollama}${path}`;
// Node's client sends a DELETE body unchunked: it needs its length.
const deleteModel = (model: string) => {
  const body = { model };
  const length = String(Buffer.byteLength(JSON.stringify(body)));
  return rawRequest(url('/api/delete'), {
    method: 'DELETE',
    body,
    headers: { 'content-length': length },
  });
};
const pulls = async () => JSON.parse((await rawRequest(url('/__fake/pulls'))).body).pulls;
const tags = async () =>
  JSON.parse((await rawRequest(url('/api/tags'))).body).models.map(
    (model: { name: string }) => model.name,
  );

describe('Ollama /api/pull', () => {
  it('streams progress as Ollama does: manifest, each layer, verify, write, success', async () => {
    const res = await rawRequest(url('/api/pull'), { body: { model: 'qwen2.5:0.5b' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const lines = res.body.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('{"status":"pulling manifest"}');
    // The weights: Go's omitempty drops a zero `completed` from the layer's first line.
    expect(lines[1]).toBe(
      '{"status":"pulling c5396e06af29","digest":"sha256:c5396e06af294bd101b30dce59131a76d2b773e76950acc870eda801d3ab0515","total":397808399}',
    );
    expect(lines[2]).toMatch(
      /^\{"status":"pulling c5396e06af29","digest":"sha256:c5396e06af29[0-9a-f]{52}","total":397808399,"completed":\d+\}$/,
    );
    expect(lines.slice(-5, -1)).toEqual([
      expect.stringMatching(
        /^\{"status":"pulling [0-9a-f]{12}","digest":"sha256:[0-9a-f]{64}","total":148,"completed":148\}$/,
      ),
      '{"status":"verifying sha256 digest"}',
      '{"status":"writing manifest"}',
      '{"status":"success"}',
    ]);
    const progress = lines
      .filter((line) => line.includes('"completed"'))
      .map((line) => JSON.parse(line) as { digest: string; completed: number; total: number });
    const weights = progress.filter((line) => line.digest.includes('c5396e06af29'));
    expect(weights.map((line) => line.completed)).toEqual(
      [...weights.map((line) => line.completed)].sort((a, b) => a - b),
    );
    expect(weights.at(-1)?.completed).toBe(397_808_399);
    expect(await tags()).toEqual(['qwen2.5:0.5b']);
    expect(await pulls()).toEqual([
      { model: 'qwen2.5:0.5b', completed: 397_821_319, total: 397_821_319, outcome: 'success' },
    ]);
  });

  it('answers an unknown model with an error line after the manifest line', async () => {
    const res = await rawRequest(url('/api/pull'), { body: { model: 'no-such-model:1b' } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      '{"status":"pulling manifest"}\n{"error":"pull model manifest: file does not exist"}\n',
    );
    const missing = await rawRequest(url('/api/pull'), { body: {} });
    expect([missing.status, missing.body]).toEqual([400, '{"error":"model is required"}']);
  });

  it('answers once, at the end, without streaming', async () => {
    const res = await rawRequest(url('/api/pull'), {
      body: { model: 'qwen2.5:0.5b', stream: false },
    });
    expect([res.status, res.body]).toEqual([200, '{"status":"success"}']);
  });

  it('stops when the client goes away, at the pace a test sets, and installs nothing', async () => {
    await rawRequest(url('/__fake/pull-pace'), { body: { stepMs: 40 } });
    const stream = openRaw(url('/api/pull'), { body: { model: 'gemma3:1b' } });
    await waitFor(() => stream.text().includes('"completed"'), 'the first progress line');
    stream.abort();
    await stream.done;
    const [record] = await (async () => {
      for (let tries = 0; tries < 50; tries += 1) {
        const records = await pulls();
        if (records[0]?.outcome !== 'running') return records;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return pulls();
    })();
    expect(record).toMatchObject({ model: 'gemma3:1b', outcome: 'aborted' });
    expect(record.completed).toBeGreaterThan(0);
    expect(record.completed).toBeLessThan(record.total);
    expect(await tags()).toEqual([]);
  });
});

describe('Ollama /api/ps and /api/delete', () => {
  it('lists what a chat loaded, with its share in VRAM, until when', async () => {
    fakes.scriptModel('ollama', {
      id: 'big:32b',
      tokensPerSecond: 1000,
      ttftMs: 1,
      details: { sizeBytes: 20_000_000_000, vramFraction: 0.62, contextLength: 131_072 },
    });
    expect((await rawRequest(url('/api/ps'))).body).toBe('{"models":[]}');
    await rawRequest(url('/api/chat'), {
      body: { model: 'big:32b', messages: [{ role: 'user', content: 'hi' }], stream: false },
    });
    const ps = await rawRequest(url('/api/ps'));
    expect(ps.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ps.body).toMatch(
      /^\{"models":\[\{"name":"big:32b","model":"big:32b","size":20000000000,"digest":"[0-9a-f]{64}","details":\{"parent_model":"","format":"gguf","family":"llama","families":\["llama"\],"parameter_size":"7.6B","quantization_level":"Q4_K_M"\},"expires_at":"[^"]+Z","size_vram":12400000000,"context_length":4096\}\]\}$/,
    );
    const expires = Date.parse(JSON.parse(ps.body).models[0].expires_at);
    expect(expires - Date.now()).toBeGreaterThan(4 * 60_000);
  });

  it('deletes a model: an empty 200, then 404 in Ollama words', async () => {
    fakes.scriptModel('ollama', { id: 'gone:1b' });
    const deleted = await deleteModel('gone:1b');
    expect([deleted.status, deleted.body, deleted.headers['content-length']]).toEqual([
      200,
      '',
      '0',
    ]);
    expect(await tags()).toEqual([]);
    const again = await deleteModel('gone:1b');
    expect([again.status, again.body]).toEqual([404, `{"error":"model 'gone:1b' not found"}`]);
  });
});
