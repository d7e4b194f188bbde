import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { httpTransport } from './http-transport';
import {
  type RecordedServer,
  type Reply,
  refusedPort,
  startRecordedServer,
} from './recorded-server';
import { gate } from './stream-test-utils';

let server: RecordedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(reply: Reply) {
  server = await startRecordedServer(() => reply);
  return `${server.baseUrl}/v1/chat/completions`;
}

async function chunksOf(body: AsyncIterable<Uint8Array>) {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for await (const chunk of body) chunks.push(decoder.decode(chunk));
  return chunks;
}

describe('http transport', () => {
  it('sends the method, headers and body, and answers a standard Response', async () => {
    const url = await serve({ status: 201, contentType: 'application/json', writes: ['{"ok":1}'] });

    const response = await httpTransport(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-test' },
      body: '{"model":"m"}',
    });

    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: 1 });
    expect(server?.requests[0]).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer sk-test' },
      body: { model: 'm' },
    });
  });

  it('hands `for await` the chunks as they arrive, and the web stream reads the same body', async () => {
    const url = await serve({ writes: ['data: a\n\n', 20, 'data: b\n\n'] });
    const iterated = await httpTransport(url);
    expect(await chunksOf(iterated.body as unknown as AsyncIterable<Uint8Array>)).toEqual([
      'data: a\n\n',
      'data: b\n\n',
    ]);

    const read = await httpTransport(url);
    expect(await read.text()).toBe('data: a\n\ndata: b\n\n');
  });

  it('reports a connection dropped mid-body as the built-in fetch does', async () => {
    const url = await serve({ writes: ['data: a\n\n', 20], cut: true });
    const response = await httpTransport(url);

    const failure = await chunksOf(response.body as unknown as AsyncIterable<Uint8Array>).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(TypeError);
    expect(failure).toMatchObject({ message: 'terminated' });
  });

  it('rejects with an AbortError when the signal aborts mid-body', async () => {
    const url = await serve({ writes: ['data: a\n\n'], hold: true });
    const controller = new AbortController();
    const response = await httpTransport(url, { signal: controller.signal });
    const reading = chunksOf(response.body as unknown as AsyncIterable<Uint8Array>);

    controller.abort();

    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails as the built-in fetch does when nothing listens', async () => {
    const refused = await httpTransport(`http://127.0.0.1:${await refusedPort()}/v1`).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(TypeError);
    expect(refused).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });

  it('reports the request sent once its bytes have left, not when it was called', async () => {
    const answer = gate();
    const url = await serve({ beforeHeaders: () => answer.opened, writes: ['{}'] });
    const sent: number[] = [];
    const calledAt = performance.now();
    const response = httpTransport(url, { method: 'POST', body: '{"model":"m"}' }, () =>
      sent.push(performance.now()),
    );
    // The thread is busy (a database write, say) before the bytes can go out: not the model's.
    while (performance.now() - calledAt < 30) {}
    expect(sent).toEqual([]);
    while (!server?.requests[0]) await new Promise((resolve) => setTimeout(resolve, 1));

    expect(sent).toHaveLength(1);
    expect((sent[0] ?? 0) - calledAt).toBeGreaterThanOrEqual(30);
    answer.open();
    await (await response).text();
    expect(sent).toHaveLength(1);
  });

  it('decompresses a compressed body', async () => {
    const url = await serve({
      headers: { 'content-encoding': 'gzip' },
      writes: [gzipSync('data: a\n\n')],
    });
    expect(await (await httpTransport(url)).text()).toBe('data: a\n\n');
  });
});
