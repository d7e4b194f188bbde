import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * Node's errors as the built-in fetch reports them, which the error mapping knows: an abort
 * stays one; a failure before the response is `fetch failed`, one in the body `terminated`;
 * the system error (ECONNREFUSED…) is the cause.
 */
function asFetchError(error: unknown, message: 'fetch failed' | 'terminated'): unknown {
  const aborted = error instanceof Error && error.name === 'AbortError';
  return aborted ? error : new TypeError(message, { cause: error });
}

function abortError(signal: AbortSignal | null | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error && reason.name === 'AbortError'
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/**
 * A Node body as a standard web stream that also iterates the Node stream directly. The openai
 * SDK reads a body with `for await` when it can, so each chunk costs one Node iterator step
 * instead of a web stream's read requests, pulls and queue. Both ways share one iterator, and
 * the web stream pulls only when read (high-water mark 0), so they never split the chunks.
 */
function iterableBody(body: Readable): ReadableStream<Uint8Array> {
  const chunks: AsyncIterator<Uint8Array> = body[Symbol.asyncIterator]();
  const next = () =>
    chunks.next().catch((error: unknown) => {
      throw asFetchError(error, 'terminated');
    });
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next,
    async return() {
      body.destroy();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  Object.defineProperty(stream, Symbol.asyncIterator, { value: () => iterator });
  return stream;
}

/** The response body, decompressed when the server compressed it. */
function bodyOf(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const decoder = encoding ? DECODERS[encoding] : undefined;
  if (!decoder) return response;
  const decoded = decoder();
  response.on('error', (error) => decoded.destroy(error));
  return response.pipe(decoded);
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item);
  }
  return headers;
}

/**
 * `fetch` for the SDKs, on node:http, answering a standard Response. Why not the built-in
 * fetch: the SDK reads one network chunk per token, and undici's web-stream body passes each
 * through promises of its own; with Next.js's async-local storage on, every promise runs hooks
 * and allocates. The SDK alone read a token for 44 µs of CPU over a Node body, 56 µs over
 * undici. Redirects are not followed: a backend's API does not redirect a POST.
 *
 * `onSent` is called once the request has left: its last bytes handed to the operating system
 * (the request's `finish`), or the answer begun if a server answers before reading it all.
 * Until then the request may wait for a socket, a connection, or a thread busy elsewhere: in a
 * one-at-a-time turn the next request's bytes left 2–25 ms (once 250 ms) after fetch was called.
 */
export function httpTransport(
  input: string | URL | Request,
  init: RequestInit = {},
  onSent?: () => void,
): Promise<Response> {
  if (input instanceof Request || (init.body != null && typeof init.body !== 'string')) {
    // The SDKs send a URL and a JSON string; anything else is a change to look at, not guess.
    return Promise.reject(new TypeError('httpTransport takes a URL and a string body'));
  }
  const url = new URL(String(input));
  const client = url.protocol === 'https:' ? https : http;
  const { signal } = init;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    let response: IncomingMessage | undefined;
    const headers = Object.fromEntries(new Headers(init.headers));
    // Node sends a DELETE body neither chunked nor measured unless told its length, and the
    // server reads it as the next request (Ollama's /api/delete answered 400).
    if (typeof init.body === 'string') {
      headers['content-length'] = String(Buffer.byteLength(init.body));
    }
    const request = client.request(url, { method: init.method ?? 'GET', headers });
    const onAbort = () => {
      const error = abortError(signal);
      response?.destroy(error);
      request.destroy(error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const release = () => signal?.removeEventListener('abort', onAbort);
    let sent = false;
    const markSent = () => {
      if (sent) return;
      sent = true;
      onSent?.();
    };
    request.once('finish', markSent);
    request.once('error', (error) => {
      release();
      reject(asFetchError(error, 'fetch failed'));
    });
    request.once('response', (incoming) => {
      markSent();
      response = incoming;
      incoming.once('close', release);
      const empty = NULL_BODY_STATUSES.has(incoming.statusCode ?? 0) || init.method === 'HEAD';
      if (empty) incoming.resume();
      resolve(
        new Response(empty ? null : iterableBody(bodyOf(incoming)), {
          status: incoming.statusCode,
          statusText: incoming.statusMessage,
          headers: headersOf(incoming),
        }),
      );
    });
    request.end(init.body ?? undefined);
  });
}
