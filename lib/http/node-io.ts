import 'server-only';
import type { ServerResponse } from 'node:http';
import { errorPayload } from './respond';
import { securityHeaders } from './security-headers';

/** Headers every answer Node writes itself carries, as Next.js adds them to its own. */
const BASE_HEADERS = { ...securityHeaders, 'Cache-Control': 'no-store' };

/** An SSE response that no proxy or compression layer should buffer. */
export const SSE_HEADERS = {
  ...BASE_HEADERS,
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform keeps compression (which buffers) off this response.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

function send(
  res: ServerResponse,
  status: number,
  type: string,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    ...extra,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra?: Record<string, string>,
): void {
  send(res, status, 'application/json', JSON.stringify(body), extra);
}

/**
 * The standard error answer: the JSON error shape for the API, its message as plain text for
 * a page. Once a stream has begun, only closing it is left.
 */
export function sendError(
  res: ServerResponse,
  error: unknown,
  { json = true, headers }: { json?: boolean; headers?: Record<string, string> } = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const { status, body } = errorPayload(error);
  if (json) sendJson(res, status, body, headers);
  else send(res, status, 'text/plain; charset=utf-8', `${body.error.message}\n`, headers);
}
