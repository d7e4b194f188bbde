import 'server-only';
import type { IncomingMessage } from 'node:http';
import { AppError } from '@/lib/errors';

/**
 * The largest JSON body any route reads: twice the largest valid one (a 100,000-character
 * prompt, each character up to 4 bytes in UTF-8, plus room for JSON escapes). Bigger bodies
 * are refused before they are read: eight 450 MB bodies once took the app to 5.9 GB.
 */
export const MAX_JSON_BODY_BYTES = 1_000_000;

/**
 * A conversation file to import (lib/export): every attempt's answer and reasoning of every
 * turn. A long R1 conversation of 50 turns × 4 columns at ~40 KB each is 8 MB.
 */
export const MAX_IMPORT_BODY_BYTES = 16_000_000;

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  return header === undefined ? null : Number(header);
}

const tooLarge = (limit: number) =>
  new AppError(
    'payload_too_large',
    limit === 0
      ? 'This route takes no request body.'
      : `The request body is larger than ${limit.toLocaleString('en')} bytes.`,
  );

/**
 * Checks a request's body before anyone reads it: none where the route reads none; else JSON
 * (a cross-site page can send text/plain or a form without asking the server first, never
 * JSON) of a declared length within the limit. HTTP's framing then guarantees that no handler
 * can read more than that, whichever router serves it.
 */
export function checkBody(req: IncomingMessage, limit: number): void {
  const length = declaredLength(req);
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (limit === 0) {
    if (chunked || (length !== null && length > 0)) throw tooLarge(0);
    return;
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(
      'unsupported_media_type',
      'Send the request body as JSON, with Content-Type: application/json.',
    );
  }
  if (chunked || length === null) {
    throw new AppError('length_required', 'Send the request body with a Content-Length.');
  }
  if (length > limit) throw tooLarge(limit);
}

/** Reads a JSON body the gate has checked (see checkBody). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON.');
  }
}
