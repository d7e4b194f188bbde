import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '@/lib/errors';
import { sendError } from './node-io';
import { errorPayload } from './respond';
import { securityHeaders } from './security-headers';

/**
 * Writes the one JSON error straight to a socket and closes it: for what Node's HTTP layer
 * refuses before a request exists (a head it cannot parse, one too large, CONNECT), which would
 * otherwise get a bare status line without the error shape or the security headers.
 */
function refuse(socket: Duplex, error: AppError): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status, body } = errorPayload(error);
  const text = JSON.stringify(body);
  const headers = {
    ...securityHeaders,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    Connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${error.code.replaceAll('_', ' ')}\r\n${head}\r\n${text}`);
}

/** Node's `clientError`: a request it could not parse. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A client that left, or a socket error, has nobody to answer.
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
    socket.destroy();
    return;
  }
  refuse(
    socket,
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('headers_too_large', 'The request headers are too large.')
      : new AppError('bad_request', 'The request could not be parsed as HTTP/1.1.'),
  );
}

/** Node's `connect`: Versus is not a proxy. */
export function answerConnect(_req: IncomingMessage, socket: Duplex): void {
  refuse(socket, new AppError('method_not_allowed', 'CONNECT is not allowed here.'));
}

/** Node's `checkExpectation`: an Expect other than 100-continue. */
export function answerExpectation(_req: IncomingMessage, res: ServerResponse): void {
  sendError(res, new AppError('expectation_failed', 'Versus meets no Expect but 100-continue.'), {
    headers: { Connection: 'close' },
  });
}
