import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { adapterFor } from './create-adapter';
import {
  type RecordedServer,
  type Reply,
  refusedPort,
  startRecordedServer,
} from './recorded-server';
import { collect, countRequestHooks, gate, textOf } from './stream-test-utils';
import type { BackendKind } from './types';

const SSE = 'text/event-stream; charset=utf-8';
const JSON_TYPE = 'application/json';

/** One SSE event as vLLM writes it. */
const vllm = (choices: string, extra = '') =>
  `data: {"id":"chatcmpl-7f3e","object":"chat.completion.chunk","created":1738400000,"model":"r1-distill-32b","choices":[${choices}]${extra}}\n\n`;
const vllmDelta = (delta: string, finish = 'null') =>
  vllm(`{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}`);
const vllmUsage = vllm(
  '',
  ',"usage":{"prompt_tokens":12,"total_tokens":40,"completion_tokens":28}',
);
const DONE = 'data: [DONE]\n\n';

/** One SSE event as the DeepSeek API writes it. */
const deepseek = (delta: string, finish = 'null', usage = '') =>
  `data: {"id":"a1b2","object":"chat.completion.chunk","created":1738400000,"model":"deepseek-reasoner","system_fingerprint":"fp_7e0991cad4_prod0225","choices":[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}]${usage}}\n\n`;

let server: RecordedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  route: (request: { path: string; body: unknown }) => Reply,
  kind: Exclude<BackendKind, 'ollama'> = 'openai',
  apiKey: string | null = null,
) {
  server = await startRecordedServer(route);
  const baseUrl = kind === 'openai' ? `${server.baseUrl}/v1` : server.baseUrl;
  return { server, adapter: adapterFor({ kind, baseUrl, apiKey }) };
}

const ask = (extra: Partial<{ signal: AbortSignal; content: string }> = {}) => ({
  model: 'r1-distill-32b',
  messages: [{ role: 'user' as const, content: extra.content ?? 'What is 2+2?' }],
  signal: extra.signal ?? new AbortController().signal,
});

describe('OpenAI-compatible adapter: vLLM', () => {
  it('reads reasoning_content, then usage from a separate chunk before [DONE]', async () => {
    const { server, adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"role":"assistant","content":""}'),
        vllmDelta('{"reasoning_content":"Okay"}'),
        vllmDelta('{"reasoning_content":", 2+2."}'),
        vllmDelta('{"content":"4"}'),
        vllmDelta('{"content":""}', '"stop"'),
        vllmUsage,
        DONE,
      ],
    }));

    const { chunks, error } = await collect(
      adapter.chat({ ...ask(), temperature: 0.6, maxTokens: 256 }),
    );

    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { type: 'format', format: 'field' },
      { type: 'reasoning', text: 'Okay' },
      { type: 'reasoning', text: ', 2+2.' },
      { type: 'content', text: '4' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 12, completionTokens: 28 } },
    ]);
    const request = server.requests[0];
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer none');
    expect(request?.body).toEqual({
      model: 'r1-distill-32b',
      messages: [{ role: 'user', content: 'What is 2+2?' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.6,
      max_tokens: 256,
    });
  });

  it('reads the newer `reasoning` field, once when both names carry it', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"reasoning":"Hmm","reasoning_content":"Hmm"}'),
        vllmDelta('{"reasoning":" yes."}'),
        vllmDelta('{"content":"Yes"}', '"stop"'),
        vllmUsage,
        DONE,
      ],
    }));

    const { chunks } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'reasoning')).toBe('Hmm yes.');
    expect(textOf(chunks, 'content')).toBe('Yes');
  });

  it('reclassifies content closed by a bare </think> (no reasoning parser)', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"role":"assistant","content":""}'),
        vllmDelta('{"content":"Okay, so"}'),
        vllmDelta('{"content":" 2+2=4.\\n"}'),
        vllmDelta('{"content":"</"}'),
        vllmDelta('{"content":"think>\\n\\n"}'),
        vllmDelta('{"content":"**4**"}', '"stop"'),
        vllmUsage,
        DONE,
      ],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(error).toBeUndefined();
    expect(chunks.slice(0, 8)).toEqual([
      { type: 'content', text: 'Okay, so', tentative: true },
      { type: 'content', text: ' 2+2=4.\n', tentative: true },
      // `</` might be a tag: held back, shown nowhere, but a token.
      { type: 'hidden' },
      { type: 'reclassify' },
      { type: 'format', format: 'closing-tag' },
      { type: 'hidden' },
      { type: 'content', text: '**4**' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('reads content as reasoning from the first token when told the model closes a bare </think>', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"role":"assistant","content":""}'),
        vllmDelta('{"content":"Okay, so"}'),
        vllmDelta('{"content":" 2+2=4.\\n</"}'),
        vllmDelta('{"content":"think>\\n\\n"}'),
        vllmDelta('{"content":"**4**"}', '"stop"'),
        vllmUsage,
        DONE,
      ],
    }));

    const { chunks, error } = await collect(adapter.chat({ ...ask(), reasoningFirst: true }));

    expect(error).toBeUndefined();
    expect(chunks.slice(0, 6)).toEqual([
      { type: 'reasoning', text: 'Okay, so' },
      { type: 'reasoning', text: ' 2+2=4.\n' },
      { type: 'format', format: 'closing-tag' },
      { type: 'hidden' },
      { type: 'content', text: '**4**' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('splits raw <think> tags in content', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"content":"<think>\\nSum."}'),
        vllmDelta('{"content":"</think>\\n\\n4"}', '"length"'),
        vllmUsage,
        DONE,
      ],
    }));

    const { chunks } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'reasoning')).toBe('\nSum.');
    expect(textOf(chunks, 'content')).toBe('4');
    expect(chunks).toContainEqual({ type: 'finish', reason: 'length' });
  });

  it('lists models with their context length and owner', async () => {
    const { server, adapter } = await serve(() => ({
      contentType: JSON_TYPE,
      writes: [
        '{"object":"list","data":[{"id":"r1-distill-32b","object":"model","created":1738400000,"owned_by":"vllm","root":"/models/DeepSeek-R1-Distill-Qwen-32B","parent":null,"max_model_len":32768,"permission":[]}]}',
      ],
    }));

    await expect(adapter.listModels()).resolves.toEqual([
      { id: 'r1-distill-32b', contextLength: 32768, ownedBy: 'vllm' },
    ]);
    expect(server.requests[0]?.path).toBe('/v1/models');
  });
});

describe('OpenAI-compatible adapter: DeepSeek', () => {
  it('skips keep-alive comments and reads usage from the finish chunk', async () => {
    const { server, adapter } = await serve(
      () => ({
        contentType: SSE,
        writes: [
          ': keep-alive\n\n',
          20,
          ': keep-alive\n\n',
          deepseek('{"role":"assistant","content":null,"reasoning_content":""}'),
          deepseek('{"content":null,"reasoning_content":"We"}'),
          deepseek('{"content":null,"reasoning_content":" add."}'),
          deepseek('{"content":"4","reasoning_content":null}'),
          deepseek(
            '{"content":"","reasoning_content":null}',
            '"stop"',
            ',"usage":{"prompt_tokens":13,"completion_tokens":300,"total_tokens":313,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":250},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":13}',
          ),
          DONE,
        ],
      }),
      'deepseek',
      'sk-test-0123456789',
    );

    const { chunks, error } = await collect(adapter.chat({ ...ask(), model: 'deepseek-reasoner' }));

    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { type: 'format', format: 'field' },
      { type: 'reasoning', text: 'We' },
      { type: 'reasoning', text: ' add.' },
      { type: 'content', text: '4' },
      { type: 'usage', usage: { promptTokens: 13, completionTokens: 300 } },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(server.requests[0]?.path).toBe('/chat/completions');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test-0123456789');
  });

  it('fails when DeepSeek finishes for lack of capacity', async () => {
    const { adapter } = await serve(
      () => ({
        contentType: SSE,
        writes: [
          deepseek('{"content":"Half an ans","reasoning_content":null}'),
          deepseek('{"content":"","reasoning_content":null}', '"insufficient_system_resource"'),
          DONE,
        ],
      }),
      'deepseek',
      'sk-test-0123456789',
    );

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('Half an ans');
    expect(error).toMatchObject({ code: 'backend_overloaded' });
  });

  it('lists models from /models', async () => {
    const { adapter } = await serve(
      () => ({
        contentType: JSON_TYPE,
        writes: [
          '{"object":"list","data":[{"id":"deepseek-chat","object":"model","owned_by":"deepseek"},{"id":"deepseek-reasoner","object":"model","owned_by":"deepseek"}]}',
        ],
      }),
      'deepseek',
      'sk-test-0123456789',
    );

    const models = await adapter.listModels();

    expect(models.map((model) => model.id)).toEqual(['deepseek-chat', 'deepseek-reasoner']);
  });
});

describe('OpenAI-compatible adapter: HTTP errors', () => {
  const openaiError = (message: string, type: string, code: string | number | null) =>
    JSON.stringify({ error: { message, type, param: null, code } });

  it.each([
    [
      401,
      openaiError(
        'Authentication Fails, Your api key: sk-test-0123456789 is invalid',
        'authentication_error',
        'invalid_request_error',
      ),
      'backend_unauthorized',
      'Check DEEPSEEK_API_KEY.',
    ],
    [
      402,
      openaiError('Insufficient Balance', 'unknown_error', 'invalid_request_error'),
      'backend_payment_required',
      'top up at platform.deepseek.com',
    ],
    [
      422,
      openaiError(
        'Invalid max_tokens value, the valid range of max_tokens is [1, 8192]',
        'invalid_request_error',
        'invalid_request_error',
      ),
      'invalid_request',
      'valid range of max_tokens',
    ],
    [
      429,
      openaiError('Rate limit reached for requests', 'rate_limit_error', 'rate_limit_exceeded'),
      'rate_limited',
      'Wait a moment',
    ],
    [
      500,
      openaiError('Internal Server Error', 'internal_error', 'internal_error'),
      'backend_error',
      'Internal Server Error',
    ],
    [
      503,
      openaiError('Server overloaded, please try again later', 'service_unavailable', null),
      'backend_overloaded',
      'Retry in a moment',
    ],
  ])('maps DeepSeek HTTP %i to %s', async (status, body, code, advice) => {
    const { adapter } = await serve(
      () => ({ status, contentType: JSON_TYPE, writes: [body] }),
      'deepseek',
      'sk-test-0123456789',
    );

    const { error } = await collect(adapter.chat(ask()));

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, message: expect.stringContaining(advice) });
    expect((error as AppError).message).not.toContain('0123456789');
  });

  it.each([
    [
      'the OpenAI-shaped body',
      400,
      openaiError(
        "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the messages, 1000 in the completion). Please reduce the length of the messages or completion.",
        'BadRequestError',
        400,
      ),
      'context_too_long',
    ],
    [
      'the older flat body',
      400,
      JSON.stringify({
        object: 'error',
        message:
          "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the messages, 1000 in the completion). Please reduce the length of the messages or completion.",
        type: 'BadRequestError',
        param: null,
        code: 400,
      }),
      'context_too_long',
    ],
    [
      'an unknown model',
      404,
      openaiError('The model `r1-distill-32b` does not exist.', 'NotFoundError', 404),
      'model_not_found',
    ],
  ])('maps vLLM errors in %s', async (_shape, status, body, code) => {
    const { adapter } = await serve(() => ({ status, contentType: JSON_TYPE, writes: [body] }));

    const { error } = await collect(adapter.chat(ask()));

    expect(error).toMatchObject({ code });
    expect((error as AppError).message).toMatch(/maximum context length is 4096|does not exist/);
  });

  it('points at the base URL when the model list is not found', async () => {
    const { adapter } = await serve(() => ({
      status: 404,
      contentType: JSON_TYPE,
      writes: ['{"detail":"Not Found"}'],
    }));

    await expect(adapter.listModels()).rejects.toMatchObject({
      code: 'backend_error',
      message: expect.stringContaining('/v1 suffix'),
    });
  });

  it('maps a rejected key when listing models', async () => {
    const { adapter } = await serve(
      () => ({
        status: 401,
        contentType: JSON_TYPE,
        writes: [openaiError('Unauthorized', 'authentication_error', null)],
      }),
      'openai',
      'wrong-key',
    );

    await expect(adapter.listModels()).rejects.toMatchObject({
      code: 'backend_unauthorized',
      message: expect.stringContaining('OPENAI_API_KEY'),
    });
  });
});

describe('OpenAI-compatible adapter: broken streams', () => {
  it('fails on an error record mid-stream and keeps what came before', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"content":"Partial"}'),
        'data: {"error":{"object":"error","message":"CUDA out of memory. Tried to allocate 2.00 GiB","type":"InternalServerError","param":null,"code":500}}\n\n',
      ],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('Partial');
    expect(error).toMatchObject({
      code: 'backend_error',
      message: expect.stringContaining('CUDA out of memory'),
    });
  });

  it('fails on a data line that is not JSON', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [
        vllmDelta('{"content":"a"}'),
        'data: {"id":"chatcmpl-7f3e","choices":[{"delta":\n\n',
      ],
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('a');
    expect(error).toMatchObject({ code: 'malformed_stream' });
  });

  it.each([
    ['a stream cut off', [vllmDelta('{"content":"cut"}')]],
    ['[DONE] without a finish_reason', [vllmDelta('{"content":"cut"}'), DONE]],
  ])('fails on %s', async (_case, writes) => {
    const { adapter } = await serve(() => ({ contentType: SSE, writes }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('cut');
    expect(error).toMatchObject({ code: 'incomplete_stream' });
  });

  it('fails when the connection drops mid-answer and keeps what came before', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [vllmDelta('{"content":"Half an"}'), 20],
      cut: true,
    }));

    const { chunks, error } = await collect(adapter.chat(ask()));

    expect(textOf(chunks, 'content')).toBe('Half an');
    expect(error).toMatchObject({
      code: 'incomplete_stream',
      message: expect.stringContaining('The connection dropped mid-answer'),
    });
  });

  it('names the address it could not reach', async () => {
    const port = await refusedPort();
    const adapter = adapterFor({ kind: 'openai', baseUrl: `http://127.0.0.1:${port}/v1` });

    const { error } = await collect(adapter.chat(ask()));

    expect(error).toMatchObject({
      code: 'backend_unreachable',
      message: expect.stringContaining(
        `Could not reach http://127.0.0.1:${port}/v1: connection refused.`,
      ),
    });
  });
});

describe('OpenAI-compatible adapter: abort', () => {
  const endless = (): Reply => ({
    contentType: SSE,
    writes: [vllmDelta('{"content":"Once upon"}')],
    hold: true,
  });

  it.each([
    ['a plain abort', undefined],
    ['an abort with a reason', new AppError('stream_timeout', 'stalled')],
  ])('stops the upstream response on %s and rethrows the reason', async (_case, reason) => {
    const { server, adapter } = await serve(endless);
    const controller = new AbortController();

    const { chunks, error } = await collect(
      (async function* () {
        for await (const chunk of adapter.chat(ask({ signal: controller.signal }))) {
          yield chunk;
          controller.abort(reason);
        }
      })(),
    );

    expect(chunks).toEqual([{ type: 'content', text: 'Once upon', tentative: true }]);
    expect(error).toBe(controller.signal.reason);
    await server.requests[0]?.closed;
    expect(server.requests[0]?.completed()).toBe(false);
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
      contentType: SSE,
      writes: [
        vllmDelta('{"content":"a"}'),
        () => release.opened,
        vllmDelta('{"content":"b"}', '"stop"'),
        vllmUsage,
        DONE,
      ],
    }));
    const stopped = new AbortController();
    const first = adapter
      .chat(ask({ signal: stopped.signal, content: 'stop me' }))
      [Symbol.asyncIterator]();
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
    expect(chunks).toContainEqual({ type: 'finish', reason: 'stop' });
    expect(stoppedRequest?.completed()).toBe(false);
  });
});

describe('OpenAI-compatible adapter: sent and answered', () => {
  it('reports the request sent when it leaves, and answered once its headers are in', async () => {
    const headers = gate();
    const { server, adapter } = await serve(() => ({
      contentType: SSE,
      beforeHeaders: () => headers.opened,
      writes: [vllmDelta('{"content":"4"}'), 'data: [DONE]\n\n'],
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

describe('OpenAI-compatible adapter: one client for every request', () => {
  it('reports each request to its own hooks, also while two run at once', async () => {
    const { adapter } = await serve(() => ({
      contentType: SSE,
      writes: [vllmDelta('{"content":"4"}', '"stop"'), 10, vllmUsage, DONE],
    }));
    const counts = [
      { sent: 0, answered: 0 },
      { sent: 0, answered: 0 },
    ];

    const results = await Promise.all(
      counts.map((count) =>
        collect(
          adapter.chat({
            ...ask(),
            onSent: () => count.sent++,
            onAnswered: () => count.answered++,
          }),
        ),
      ),
    );

    expect(results.map((result) => result.error)).toEqual([undefined, undefined]);
    expect(counts).toEqual([
      { sent: 1, answered: 1 },
      { sent: 1, answered: 1 },
    ]);
  });

  it('is made once per connection', () => {
    const connection = { kind: 'openai' as const, baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'a' };

    expect(adapterFor({ ...connection })).toBe(adapterFor(connection));
    expect(adapterFor({ ...connection, apiKey: 'b' })).not.toBe(adapterFor(connection));
    expect(adapterFor({ ...connection, kind: 'deepseek' })).not.toBe(adapterFor(connection));
  });
});
