import { type IncomingHttpHeaders, request } from 'node:http';

/** What came over the socket, chunk by chunk, exactly as read. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  chunks: Buffer[];
  /** performance.now() at each chunk's arrival. */
  chunkTimes: number[];
  body: string;
  /** Set when the connection broke instead of ending. */
  error: Error | null;
}

export interface RawStream {
  /** Resolves once the status line and headers are in. */
  head: Promise<{ status: number; headers: IncomingHttpHeaders }>;
  /** Resolves when the body ends, breaks, or the stream is aborted. */
  done: Promise<RawResponse>;
  chunks: Buffer[];
  text(): string;
  abort(): void;
}

export interface RawInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A plain node:http request, so tests see bytes and chunk boundaries, not a parser's view. */
export function openRaw(url: string, init: RawInit = {}): RawStream {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const chunks: Buffer[] = [];
  const chunkTimes: number[] = [];
  const req = request(url, {
    method: init.method ?? (payload === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  const head = new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
    req.on('response', (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    req.on('error', reject);
  });
  const done = new Promise<RawResponse>((resolve) => {
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const finish = (error: Error | null) =>
      resolve({
        status,
        headers,
        chunks,
        chunkTimes,
        body: Buffer.concat(chunks).toString('utf8'),
        error,
      });
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      headers = res.headers;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        chunkTimes.push(performance.now());
      });
      res.on('end', () => finish(null));
      res.on('error', (error) => finish(error));
      res.on('aborted', () => finish(new Error('aborted')));
    });
    req.on('error', (error) => finish(error));
  });
  // Callers that only await `done` learn of a failed request there.
  head.catch(() => undefined);
  if (payload !== undefined) req.write(payload);
  req.end();
  return {
    head,
    done,
    chunks,
    text: () => Buffer.concat(chunks).toString('utf8'),
    abort: () => req.destroy(),
  };
}

export function rawRequest(url: string, init: RawInit = {}): Promise<RawResponse> {
  return openRaw(url, init).done;
}

/** Polls until the predicate holds; fails the test with `what` after the timeout. */
export async function waitFor(
  predicate: () => boolean,
  what: string,
  timeoutMs = 2000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `data:` payloads of an SSE body, in order, as parsed JSON (or the raw string for [DONE]). */
export function sseEvents(body: string): unknown[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => {
      const data = block.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}
