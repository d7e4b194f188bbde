import type { IncomingMessage, ServerResponse } from 'node:http';
import { sleep } from './clock';

const maxBodyBytes = 16 * 1024 * 1024;

export type ParsedBody =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'empty' | 'invalid-json' | 'too-large'; detail: string };

export async function readJsonBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) return { ok: false, reason: 'too-large', detail: 'body too large' };
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: false, reason: 'empty', detail: 'empty body' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      reason: 'invalid-json',
      detail: error instanceof Error ? error.message : 'invalid JSON',
    };
  }
}

/** A whole (non-streamed) body with an explicit length, as Go and uvicorn send small bodies. */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: string,
  contentType = 'application/json',
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length });
  res.end(bytes);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, JSON.stringify(value));
}

/** Long enough for the first half to leave in its own TCP segment and HTTP chunk. */
const splitPauseMs = 15;

/**
 * Writes records, one socket write each. With `splitUtf8`, the first record that holds a
 * multi-byte character goes out in two writes that cut that character's bytes in half, with
 * a pause between, so a client that decodes each read on its own gets U+FFFD.
 */
export function recordWriter(
  res: ServerResponse,
  splitUtf8: boolean,
  signal: AbortSignal,
): (text: string) => Promise<void> {
  let splitPending = splitUtf8;
  return async (text) => {
    const bytes = Buffer.from(text, 'utf8');
    const cut = splitPending ? cutInsideCharacter(bytes) : -1;
    if (cut < 0) {
      res.write(bytes);
      return;
    }
    splitPending = false;
    res.write(bytes.subarray(0, cut));
    if (await sleep(splitPauseMs, signal)) res.write(bytes.subarray(cut));
  };
}

/** Index that falls in the middle of the first multi-byte UTF-8 sequence, or -1. */
export function cutInsideCharacter(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return index + Math.floor(length / 2);
    }
  }
  return -1;
}

/**
 * Cuts the connection the way a crashed proxy does, but only after the bytes already
 * written have reached the kernel: otherwise the last tokens could vanish with the socket
 * and a test could not tell how many the client was sent.
 */
export function dropConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  socket.write('', () => socket.destroy());
}
