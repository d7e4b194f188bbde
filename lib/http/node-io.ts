import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@/lib/errors';
import { errorPayload } from './respond';

/** Twice the largest valid body (a 100,000-character prompt, each character up to 4 bytes). */
const MAX_BODY_BYTES = 1_000_000;

/** Headers every API answer carries, as Next.js adds them to the routes it serves. */
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** An SSE response that no proxy or compression layer should buffer. */
export const SSE_HEADERS = {
  ...BASE_HEADERS,
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform keeps compression (which buffers) off this response.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The standard error answer; once a stream has begun, only closing it is left. */
export function sendError(res: ServerResponse, error: unknown): void {
  const { status, body } = errorPayload(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, body);
}

/** The request body parsed as JSON; too large or not JSON is a `bad_request`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new AppError('bad_request', 'The request body is too large.');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON.');
  }
}
