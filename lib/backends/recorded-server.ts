/**
 * Test support: a tiny HTTP server on 127.0.0.1 that replays recorded protocol bytes, so the
 * adapters are tested against the real SDKs, sockets and chunked encoding.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A string or bytes is one write; a number pauses so the client reads what came before; a
 * function is awaited, to hold the reply until the test lets it go on.
 */
export type Write = string | Uint8Array | number | (() => Promise<void>);

export interface Reply {
  status?: number;
  contentType?: string;
  /** More response headers, such as a content encoding. */
  headers?: Record<string, string>;
  writes: Write[];
  /** Runs before the status line, like Ollama loading a model before it answers. */
  beforeHeaders?: () => Promise<void>;
  /** Leave the response open after the writes, like a model still generating. */
  hold?: boolean;
  /** Cut the connection after the writes, with no end of body, like a server that crashed. */
  cut?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Settles when the client's socket closes. */
  closed: Promise<void>;
  /** Whether the response was written to its end (false when the client went away first). */
  completed: () => boolean;
}

export interface RecordedServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

async function play(reply: Reply, response: ServerResponse): Promise<void> {
  await reply.beforeHeaders?.();
  if (response.destroyed) return;
  response.writeHead(reply.status ?? 200, {
    'content-type': reply.contentType ?? 'text/plain',
    ...reply.headers,
  });
  response.flushHeaders();
  for (const write of reply.writes) {
    if (response.destroyed) return;
    if (typeof write === 'number') await sleep(write);
    else if (typeof write === 'function') await write();
    else response.write(write);
  }
  if (reply.cut) response.socket?.destroy();
  else if (!reply.hold) response.end();
}

export async function startRecordedServer(
  route: (request: { method: string; path: string; body: unknown }) => Reply,
): Promise<RecordedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const closed = once(request.socket, 'close').then(() => undefined);
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    requests.push({
      method,
      path,
      headers: request.headers,
      body,
      closed,
      completed: () => response.writableFinished,
    });
    await play(route({ method, path, body }), response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A port that refuses connections: bound once, then released. */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
