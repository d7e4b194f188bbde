import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { createOllamaAdapter } from './ollama-adapter';
import {
  type RecordedServer,
  type Reply,
  refusedPort,
  startRecordedServer,
} from './recorded-server';
import { collect, countRequestHooks, gate, textOf } from './stream-test-utils';

const NDJSON = 'application/x-ndjson';
const head = '{"model":"deepseek-r1:7b","created_at":"2025-02-01T10:00:00.000000Z"';
/** One streamed record, as Ollama's Go encoder writes it (`<` as \u003c, and so on). */
const token = (json: string) => `${head},"message":{"role":"assistant",${json}},"done":false}\n`;
const finalRecord = `${head},"message":{"role":"assistant","content":""},"done_reason":"stop","done":true,"total_duration":5589157167,"load_duration":3013701500,"prompt_eval_count":9,"prompt_eval_duration":61000000,"eval_count":290,"eval_duration":2501000000}\n`;

let server: RecordedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(route: (request: { path: string; body: unknown }) => Reply) {
  server = await startRecordedServer(route);
  return { server, adapter: createOllamaAdapter({ kind: 'ollama', baseUrl: server.baseUrl }) };
}

const ask = (extra: Partial<{ think: boolean; signal: AbortSignal }> = {}) => ({
  model: 'deepseek-r1:7b',
  messages: [{ role: 'user' as const, content: 'What is 2+2?' }],
  signal: new AbortController().signal,
  ...extra,
});

describe('Ollama adapter: chat', () => {
  it('splits raw <think> tags sent Go-escaped, a line cut across TCP writes, and reports usage', async () => {
    const { server, adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [
        token('"content":"\\u003cthink\\u003e"'),
        token('"content":"\\nOkay, 2+2.\\n"'),
        // One record cut in two TCP writes, the client reading in between.
        token('"content":"\\u003c/think\\u003e"').slice(0, 40),
        20,
        token('"content":"\\u003c/think\\u003e"').slice(40),
        token('"content":"\\n\\n"'),
        token('"content":"**4** \\u0026 done"'),
        finalRecord,
      ],
    }));

    const { chunks, error } = await collect(
      adapter.chat({ ...ask(), temperature: 0.6, maxTokens: 512 }),
    );

    expect(error).toBeUndefined();
    expect(textOf(chunks, 'reasoning')).toBe('\nOkay, 2+2.\n');
    expect(textOf(chunks, 'content')).toBe('**4** & done');
    expect(chunks.slice(-2)).toEqual([
      {
        type: 'usage',
        usage: {
          promptTokens: 9,
          completionTokens: 290,
          generationMs: 2501,
          promptEvalMs: 61,
          loadMs: 3013.7015,
        },
      },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(server.requests[0]?.path).toBe('/api/chat');
    expect(server.requests[0]?.body).toEqual({
      model: 'deepseek-r1:7b',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
      stream: true,
      options: { temperature: 0.6, num_predict: 512 },
    });
  });

  it('reads message.thinking and sends `think` when the request sets it', async () => {
    const { server, adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [
        token('"content":"","thinking":"Okay, the user"'),
        token('"content":"","thinking":" wants 2+2."'),
        token('"content":"4"'),
        finalRecord,
      ],
    }));

    const { chunks, error } = await collect(adapter.chat(ask({ think: true })));

    expect(error).toBeUndefined();
    expect(chunks.slice(0, 4)).toEqual([
      { type: 'format', format: 'field' },
      { type: 'reasoning', text: 'Okay, the user' },
      { type: 'reasoning', text: ' wants 2+2.' },
      { type: 'content', text: '4' },
    ]);
    expect(server.requests[0]?.body).toMatchObject({ think: true });
  });

  it('reads content as reasoning from the first token when told the model closes a bare </think>', async () => {
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [
        token('"content":"Okay"'),
        token('"content":", 2+2."'),
        token('"content":"\\u003c/think\\u003e"'),
        token('"content":"\\n\\n4"'),
        finalRecord,
      ],
    }));

    const { chunks } = await collect(adapter.chat({ ...ask(), reasoningFirst: true }));

    expect(textOf(chunks, 'reasoning')).toBe('Okay, 2+2.');
    expect(textOf(chunks, 'content')).toBe('4');
    expect(chunks).not.toContainEqual(expect.objectContaining({ tentative: true }));
    expect(chunks).toContainEqual({ type: 'format', format: 'closing-tag' });
  });

  it('reports load time and prompt tokens apart from the generation time', async () => {
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [token('"content":"4"'), finalRecord],
    }));

    const { chunks } = await collect(adapter.chat(ask()));

    expect(chunks).toContainEqual({
      type: 'usage',
      usage: {
        promptTokens: 9,
        completionTokens: 290,
        generationMs: 2501,
        promptEvalMs: 61,
        loadMs: 3013.7015,
      },
    });
  });

  it('joins a multi-byte character cut between two writes', async () => {
    const record = Buffer.from(token('"content":"café 🐔"'));
    const cutInEacute = record.indexOf(0xa9); // second byte of "é"
    const cutInEmoji = record.indexOf(0xf0) + 2; // middle of the four-byte chicken
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [
        record.subarray(0, cutInEacute),
        20,
        record.subarray(cutInEacute, cutInEmoji),
        20,
        record.subarray(cutInEmoji),
        finalRecord,
      ],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(error).toBeUndefined();
    expect(textOf(chunks, 'content')).toBe('café 🐔');
  });
});

describe('Ollama adapter: sent and answered', () => {
  it('reports the request sent when it leaves, and answered once its headers are in', async () => {
    const headers = gate();
    const { server, adapter } = await serve(() => ({
      contentType: NDJSON,
      beforeHeaders: () => headers.opened,
      writes: [token('"content":"4"'), finalRecord],
    }));
    const { held, done, chunks } = await countRequestHooks(
      (hooks) => adapter.chat({ ...ask(), ...hooks }),
      server,
      headers,
    );

    expect(held).toEqual({ sent: 1, answered: 0 });
    expect(done).toEqual({ sent: 1, answered: 1 });
    expect(textOf(chunks, 'content')).toBe('4');
  });
});

describe('Ollama adapter: failures', () => {
  const httpError = (status: number, error: string) => () => ({
    status,
    contentType: 'application/json; charset=utf-8',
    writes: [JSON.stringify({ error })],
  });

  it.each([
    [404, 'model "deepseek-r1:7b" not found, try pulling it first', 'model_not_found'],
    [400, 'registry.ollama.ai/library/llama3:8b does not support thinking', 'invalid_request'],
    [
      500,
      'model requires more system memory (21.5 GiB) than is available (7.6 GiB)',
      'backend_error',
    ],
    [503, 'server busy, please try again. maximum pending requests exceeded', 'backend_overloaded'],
  ])('maps HTTP %i (%s) to %s', async (status, message, code) => {
    const { adapter } = await serve(httpError(status, message));

    const { error } = await collect(adapter.chat(ask()));

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it('keeps no raw HTML from a proxy error page', async () => {
    const { adapter } = await serve(() => ({
      status: 502,
      contentType: 'text/html',
      writes: ['<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'],
    }));

    const { error } = await collect(adapter.chat(ask()));

    expect(error).toMatchObject({ code: 'backend_error' });
    expect((error as AppError).message).not.toMatch(/[<>]/);
  });

  it('fails on an error record mid-stream and keeps what came before', async () => {
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [
        token('"content":"Partial"'),
        '{"error":"an error was encountered while running the model: unexpected EOF"}\n',
      ],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('Partial');
    expect(error).toMatchObject({
      code: 'backend_error',
      message: expect.stringContaining('unexpected EOF'),
    });
  });

  it('fails on a line that is not JSON (ollama-js would skip it)', async () => {
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      // The server goes quiet after the bad line: the failure must not wait for more bytes.
      writes: [token('"content":"a"'), 20, `${head},"message":{"role":"assis\n`],
      hold: true,
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('a');
    expect(error).toMatchObject({ code: 'malformed_stream' });
  });

  it('delivers the records before a bad line in the same read', async () => {
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [`${token('"content":"a"')}${token('"content":"b"')}not json\n${finalRecord}`],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('ab');
    expect(error).toMatchObject({ code: 'malformed_stream' });
  });

  it('fails when the stream ends without its done record', async () => {
    const { adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [token('"content":"cut"')],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('cut');
    expect(error).toMatchObject({ code: 'incomplete_stream' });
  });

  it('names the address it could not reach', async () => {
    const port = await refusedPort();
    const adapter = createOllamaAdapter({ kind: 'ollama', baseUrl: `http://127.0.0.1:${port}` });

    const { error } = await collect(adapter.chat(ask()));

    expect(error).toMatchObject({
      code: 'backend_unreachable',
      message: `Could not reach Ollama at http://127.0.0.1:${port}: connection refused. Is the server running, and is the base URL right?`,
    });
  });
});

describe('Ollama adapter: abort', () => {
  const endless = (): Reply => ({
    contentType: NDJSON,
    writes: [token('"content":"Once upon"')],
    hold: true,
  });

  it('stops the upstream response when the signal aborts mid-stream', async () => {
    const { server, adapter } = await serve(endless);
    const controller = new AbortController();
    const received: string[] = [];

    const run = (async () => {
      for await (const chunk of adapter.chat(ask({ signal: controller.signal }))) {
        if (chunk.type === 'content') received.push(chunk.text);
        controller.abort();
      }
    })();

    const error = await run.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBe(controller.signal.reason);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(received).toEqual(['Once upon']);
    await server.requests[0]?.closed;
    expect(server.requests[0]?.completed()).toBe(false);
  });

  it('stops the upstream request while Ollama is still loading the model', async () => {
    const { server, adapter } = await serve(() => ({
      beforeHeaders: () => new Promise(() => {}),
      writes: [],
    }));
    const controller = new AbortController();
    const reason = new Error('stopped by the user');
    setTimeout(() => controller.abort(reason), 50);

    const { error } = await collect(adapter.chat(ask({ signal: controller.signal })));

    expect(error).toBe(reason);
    await server.requests[0]?.closed;
  });

  it('stops the upstream response when the loop is left early', async () => {
    const { server, adapter } = await serve(endless);

    for await (const chunk of adapter.chat(ask())) {
      expect(chunk).toEqual({ type: 'content', text: 'Once upon', tentative: true });
      break;
    }

    await server.requests[0]?.closed;
    expect(server.requests[0]?.completed()).toBe(false);
  });

  it('aborting one of two concurrent streams leaves the other finishing', async () => {
    const release = gate();
    const { server, adapter } = await serve(() => ({
      contentType: NDJSON,
      writes: [token('"content":"a"'), () => release.opened, token('"content":"b"'), finalRecord],
    }));
    const stopped = new AbortController();
    const toStop = {
      ...ask({ signal: stopped.signal }),
      messages: [{ role: 'user' as const, content: 'stop me' }],
    };
    const first = adapter.chat(toStop)[Symbol.asyncIterator]();
    const second = collect(adapter.chat(ask()));
    await first.next();
    await expect.poll(() => server.requests.length).toBe(2);
    const stoppedRequest = server.requests.find((request) =>
      JSON.stringify(request.body).includes('stop me'),
    );

    stopped.abort();
    await expect(first.next()).rejects.toMatchObject({ name: 'AbortError' });
    await stoppedRequest?.closed;
    release.open();

    const { chunks, error } = await second;
    expect(error).toBeUndefined();
    expect(textOf(chunks, 'content')).toBe('ab');
    expect(chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(stoppedRequest?.completed()).toBe(false);
  });
});

describe('Ollama adapter: listModels', () => {
  const tags = {
    models: [
      {
        name: 'deepseek-r1:7b',
        model: 'deepseek-r1:7b',
        size: 4683075271,
        digest: '0a8c266910232fd3291e71e5ba1e058cc5af9d411192cf88b6d30e92b6e73163',
        details: { family: 'qwen2', parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
      },
      {
        name: 'llama3.2:1b',
        model: 'llama3.2:1b',
        size: 1321098329,
        digest: 'baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878',
        details: { family: 'llama', parameter_size: '1.2B', quantization_level: 'Q8_0' },
      },
    ],
  };

  it('combines /api/tags, /api/version, /api/ps and parallel /api/show, tolerating a failed show', async () => {
    const showsArrived = gate();
    let shows = 0;
    const { adapter } = await serve(({ path, body }) => {
      if (path === '/api/tags')
        return { contentType: 'application/json', writes: [JSON.stringify(tags)] };
      if (path === '/api/version')
        return { contentType: 'application/json', writes: ['{"version":"0.12.3"}'] };
      // The 7b is in memory, 38 % of it on the CPU.
      if (path === '/api/ps')
        return {
          contentType: 'application/json',
          writes: [
            JSON.stringify({
              models: [
                {
                  name: 'deepseek-r1:7b',
                  size: 6_000_000_000,
                  size_vram: 3_720_000_000,
                  expires_at: '2026-12-08T03:10:00.5+01:00',
                },
              ],
            }),
          ],
        };
      shows += 1;
      if (shows === 2) showsArrived.open();
      // Each show answers only once both have arrived: sequential calls would never finish.
      const model = (body as { model: string }).model;
      return model === 'llama3.2:1b'
        ? {
            status: 500,
            contentType: 'application/json',
            writes: [() => showsArrived.opened, '{"error":"boom"}'],
          }
        : {
            contentType: 'application/json',
            writes: [
              () => showsArrived.opened,
              JSON.stringify({
                capabilities: ['completion', 'thinking'],
                model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': 131072 },
              }),
            ],
          };
    });

    const models = await adapter.listModels(AbortSignal.timeout(2_000));

    expect(models).toEqual([
      {
        id: 'deepseek-r1:7b',
        parameterSize: '7.6B',
        quantization: 'Q4_K_M',
        family: 'qwen2',
        digest: tags.models[0]?.digest,
        sizeBytes: 4683075271,
        contextLength: 131072,
        supportsThinking: true,
        capabilities: ['completion', 'thinking'],
        vramShare: 0.62,
        loadedUntil: '2026-12-08T02:10:00.500Z',
        backendVersion: '0.12.3',
      },
      {
        id: 'llama3.2:1b',
        parameterSize: '1.2B',
        quantization: 'Q8_0',
        family: 'llama',
        digest: tags.models[1]?.digest,
        sizeBytes: 1321098329,
        contextLength: undefined,
        supportsThinking: undefined,
        capabilities: undefined,
        vramShare: undefined,
        loadedUntil: undefined,
        backendVersion: '0.12.3',
      },
    ]);
  });

  it('reports a server that does not answer within the listing timeout', async () => {
    const { adapter } = await serve(() => ({
      beforeHeaders: () => new Promise(() => {}),
      writes: [],
    }));

    await expect(adapter.listModels(AbortSignal.timeout(50))).rejects.toMatchObject({
      code: 'backend_unreachable',
      message: expect.stringContaining('did not answer in time'),
    });
  });

  it('reports an unreachable server', async () => {
    const port = await refusedPort();
    const adapter = createOllamaAdapter({ kind: 'ollama', baseUrl: `http://127.0.0.1:${port}` });

    await expect(adapter.listModels()).rejects.toMatchObject({ code: 'backend_unreachable' });
  });
});
