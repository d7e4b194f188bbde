import { httpTransport } from './http-transport';
import type { RequestHooks } from './types';

/**
 * Passes NDJSON through line by line and fails (with JSON.parse's SyntaxError) at the first
 * complete line that is not JSON, after the lines before it have been read. Pull-based, so the
 * failure surfaces even when the server goes quiet after the bad line.
 */
function rejectNonJsonLines(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let partial = '';
  let failure: unknown;

  /** The non-blank lines before the first one that does not parse; records that failure. */
  const validLines = (lines: string[]): string[] => {
    const valid: string[] = [];
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        JSON.parse(line);
      } catch (error) {
        failure = error;
        break;
      }
      valid.push(line);
    }
    return valid;
  };

  return new ReadableStream({
    async pull(controller) {
      // A pull must deliver something: the stream asks again only after a chunk is read.
      for (;;) {
        if (failure) {
          controller.error(failure);
          await reader.cancel();
          return;
        }
        const { done, value } = await reader.read();
        const text = partial + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
        const lines = text.split('\n');
        partial = done ? '' : (lines.pop() ?? '');
        const valid = validLines(lines);
        if (valid.length > 0) {
          controller.enqueue(encoder.encode(valid.map((line) => `${line}\n`).join('')));
        }
        if (done && !failure) {
          controller.close();
          return;
        }
        // With a failure recorded, the next pull reports it once these lines are read.
        if (valid.length > 0) return;
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * The fetch one Ollama call runs on. It is aborted by the caller's signal: ollama-js creates
 * its own AbortController per stream but exposes it only once the response headers are in, and
 * a model load can hold those back for minutes. And it fails on a stream line that is not
 * JSON, where ollama-js would log the line and silently skip it. It reports the request's
 * leaving and the backend's answer (status line and headers).
 */
export function ollamaFetch(
  signal: AbortSignal,
  { onSent, onAnswered }: RequestHooks = {},
): typeof fetch {
  return async (input, init) => {
    const response = await httpTransport(
      input,
      // A signal of this request's own: a listing sends a dozen requests under one timeout,
      // and each request listens to its signal.
      { ...init, signal: AbortSignal.any(init?.signal ? [init.signal, signal] : [signal]) },
      onSent,
    );
    onAnswered?.();
    const isStream = response.headers.get('content-type')?.includes('ndjson');
    if (!response.ok || !response.body || !isStream) return response;
    return new Response(rejectNonJsonLines(response.body), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
