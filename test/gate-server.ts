/** The gate on a loopback port, set up as scripts/server.mjs does, with a stand-in for Next.js. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError, answerConnect, answerExpectation } from '@/lib/http/client-errors';
import { passGate } from '@/lib/http/gate';
import { requestContext } from '@/lib/http/request-context';

export interface GateServer {
  base: string;
  port: number;
  /** What the stand-in saw of each request Next.js would have served. */
  nextSaw: { method: string; url: string; viewer: string; body: unknown }[];
  close(): Promise<void>;
}

/**
 * Starts the gate. Requests it hands to "Next.js" get a 418, and `nextSaw` records the request
 * context they carried (proof that it reaches the other router) and the body they could read.
 */
export async function startGateServer(): Promise<GateServer> {
  const nextSaw: GateServer['nextSaw'] = [];
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    void passGate(req, res, async (request, response) => {
      // A tick later, as Next.js reaches a handler after awaiting its own work.
      await new Promise((resolve) => setImmediate(resolve));
      const { viewer } = requestContext();
      let text = '';
      for await (const chunk of request) text += String(chunk);
      const body: unknown = text ? JSON.parse(text) : undefined;
      nextSaw.push({
        method: request.method ?? '',
        url: request.url ?? '',
        viewer: viewer?.id ?? '',
        body,
      });
      response.writeHead(418, { 'content-type': 'application/json' }).end('{"next":true}');
    });
  });
  server.on('clientError', answerClientError);
  server.on('connect', answerConnect);
  server.on('checkExpectation', answerExpectation);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    nextSaw,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request with full control of what a client sends: any method, target, Host and headers,
 * the body as given. `fetch` would refuse or rewrite most of what an attacker sends.
 */
export function rawRequest(
  port: number,
  {
    method = 'GET',
    path = '/',
    headers = {},
    body,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
