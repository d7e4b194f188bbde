import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GateServer, rawRequest, startGateServer } from '@/test/gate-server';
import { MAX_JSON_BODY_BYTES } from './read-body';

// test/global-setup.ts allows the name 127.0.0.1 on any port (tests listen on random ports).
let gate: GateServer;

beforeAll(async () => {
  gate = await startGateServer();
});
afterAll(async () => {
  await gate.close();
});

const send = (options: Parameters<typeof rawRequest>[1]) => rawRequest(gate.port, options);
const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const json = { 'content-type': 'application/json' };

describe('Host', () => {
  it('answers the loopback name it listens on', async () => {
    const answer = await send({ path: '/api/conversations' });
    expect(answer.status).toBe(418);
  });

  it('refuses a rebound or empty Host with 421 and a plain explanation', async () => {
    for (const host of ['attacker.example', `attacker.example:${gate.port}`, 'localhost:1']) {
      const api = await send({ path: '/api/conversations', headers: { host } });
      expect(api.status, host).toBe(421);
      expect(errorCode(api.body)).toBe('host_not_allowed');
      expect(api.body).toContain('VERSUS_ALLOWED_HOSTS');
      const page = await send({ path: '/', headers: { host } });
      expect(page.status, host).toBe(421);
      expect(page.headers['content-type']).toMatch(/^text\/plain/);
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    expect(gate.nextSaw.filter((seen) => seen.url === '/')).toEqual([]);
  });

  it('refuses a request without a Host (HTTP/1.0)', async () => {
    const socket = net.connect(gate.port, '127.0.0.1');
    const reply = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(text));
    });
    socket.end('GET /api/conversations HTTP/1.0\r\n\r\n');
    expect(await reply).toMatch(/^HTTP\/1\.1 421 [\s\S]*"host_not_allowed"/);
  });
});

describe('cross-site writes', () => {
  const body = JSON.stringify({ runMode: 'parallel' });

  it('refuses a foreign or null Origin, and Sec-Fetch-Site other than same-origin', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:4000' },
      { origin: 'http://attacker.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const answer = await send({
        method: 'PATCH',
        path: '/api/conversations/x',
        headers: { ...json, ...headers },
        body,
      });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(errorCode(answer.body)).toBe('forbidden');
    }
    const deleted = await send({
      method: 'DELETE',
      path: '/api/conversations/x',
      headers: { origin: 'http://127.0.0.1:4000' },
    });
    expect(deleted.status).toBe(403);
  });

  it('lets the same origin through, and clients that are not browsers', async () => {
    const allowed: Record<string, string>[] = [
      { origin: `http://127.0.0.1:${gate.port}`, 'sec-fetch-site': 'same-origin' },
      {},
    ];
    for (const headers of allowed) {
      const answer = await send({
        method: 'POST',
        path: '/api/conversations',
        headers: { ...json, ...headers },
        body,
      });
      expect(answer.status).toBe(418);
    }
  });

  it('reads only JSON bodies: forms and text/plain never reach a handler', async () => {
    const before = gate.nextSaw.length;
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const answer = await send({
        method: 'POST',
        path: '/api/conversations',
        headers: type ? { 'content-type': type } : {},
        body: '{"lineup":[]}',
      });
      expect(answer.status, type).toBe(415);
      expect(errorCode(answer.body)).toBe('unsupported_media_type');
    }
    expect(gate.nextSaw.length).toBe(before);
  });
});

describe('bodies', () => {
  it('lets a JSON body through to the handler, which finds the viewer in the context', async () => {
    const answer = await send({
      method: 'POST',
      path: '/api/conversations',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"lineup":[],"title":"t"}',
    });
    expect(answer.status).toBe(418);
    expect(gate.nextSaw.at(-1)).toEqual({
      method: 'POST',
      url: '/api/conversations',
      viewer: 'local',
      body: { lineup: [], title: 't' },
    });
  });

  it('refuses a body over the cap with 413, valid JSON or not', async () => {
    const answer = await send({
      method: 'POST',
      path: '/api/conversations',
      headers: json,
      body: `{"title":"t"}${' '.repeat(MAX_JSON_BODY_BYTES)}`,
    });
    expect(answer.status).toBe(413);
    expect(errorCode(answer.body)).toBe('payload_too_large');
    expect(answer.headers.connection).toBe('close');
  });

  it('refuses a body without a declared length (chunked) with 411', async () => {
    const answer = await send({
      method: 'POST',
      path: '/api/conversations',
      headers: { ...json, 'transfer-encoding': 'chunked' },
      body: '{"title":"t"}',
    });
    expect(answer.status).toBe(411);
    expect(errorCode(answer.body)).toBe('length_required');
  });

  it('answers a declared oversize body at once, without waiting for it', async () => {
    const socket = net.connect(gate.port, '127.0.0.1');
    const reply = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    socket.write(
      `POST /api/conversations HTTP/1.1\r\nHost: 127.0.0.1:${gate.port}\r\nContent-Type: application/json\r\nContent-Length: 450000000\r\n\r\n{`,
    );
    expect(await reply).toMatch(/^HTTP\/1\.1 413 /);
    socket.destroy();
  });

  it('refuses a body on a route that reads none', async () => {
    const answer = await send({
      method: 'POST',
      path: '/api/messages/x/stop',
      headers: json,
      body: '{}',
    });
    expect(answer.status).toBe(413);
    const get = await send({
      path: '/api/backends',
      headers: { ...json, 'content-length': '2' },
      body: '{}',
    });
    expect(get.status).toBe(413);
  });
});

/** Sends raw bytes and reads the answer until the server closes the connection. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(gate.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
    socket.write(bytes);
  });
}

describe('what Node refuses before the gate', () => {
  it('answers in the JSON error shape with the security headers, then closes', async () => {
    const cases: [string, number, string][] = [
      [`get /api/backends HTTP/1.1\r\nHost: 127.0.0.1:${gate.port}\r\n\r\n`, 400, 'bad_request'],
      [
        `GET /api/backends HTTP/1.1\r\nHost: 127.0.0.1:${gate.port}\r\nX: ${'y'.repeat(20_000)}\r\n\r\n`,
        431,
        'headers_too_large',
      ],
      [
        `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`,
        405,
        'method_not_allowed',
      ],
      [
        `GET /api/backends HTTP/1.1\r\nHost: 127.0.0.1:${gate.port}\r\nExpect: tea\r\n\r\n`,
        417,
        'expectation_failed',
      ],
      [`GET /api/backends HTTP/1.1\r\nConnection: close\r\n\r\n`, 421, 'host_not_allowed'],
    ];
    for (const [bytes, status, code] of cases) {
      const answer = await rawExchange(bytes);
      expect(answer, bytes.slice(0, 40)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(answer).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
      expect(answer).toContain(`"code":"${code}"`);
    }
  });
});

describe('requests no handler should see', () => {
  it('answers every malformed target and odd method with a 4xx JSON error', async () => {
    const cases: [string, string, number, string][] = [
      ['GET', '/api/conversations/%E0%A4%A', 400, 'bad_request'],
      ['GET', '/api/conversations/%', 400, 'bad_request'],
      ['OPTIONS', '*', 400, 'bad_request'],
      ['TRACE', '/api/conversations', 405, 'method_not_allowed'],
      ['PUT', '/api/conversations', 405, 'method_not_allowed'],
      ['GET', '/api/nope', 404, 'not_found'],
      ['GET', '/api', 404, 'not_found'],
      ['GET', '/api/conversations/a/b/c', 404, 'not_found'],
      ['DELETE', '/api/backends', 405, 'method_not_allowed'],
      ['GET', '/api/./backends', 400, 'bad_request'],
    ];
    for (const [method, path, status, code] of cases) {
      const answer = await send({ method, path });
      expect(answer.status, `${method} ${path}`).toBe(status);
      expect(answer.headers['content-type'], `${method} ${path}`).toBe('application/json');
      expect(errorCode(answer.body), `${method} ${path}`).toBe(code);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    const allow = await send({ method: 'DELETE', path: '/api/backends' });
    expect(allow.headers.allow).toBe('GET');
  });

  it('refuses two Host headers', async () => {
    const answer = await rawExchange(
      `GET /api/backends HTTP/1.1\r\nHost: 127.0.0.1:${gate.port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('puts the security headers on what the other router answers too', async () => {
    const answer = await send({ path: '/api/conversations' });
    expect(answer.status).toBe(418);
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers a page with a malformed path or a write method in plain text', async () => {
    for (const path of ['/c/%', '/x/../api/backends', '/api\\backends']) {
      const malformed = await send({ path });
      expect(malformed.status, path).toBe(400);
      expect(malformed.headers['content-type']).toMatch(/^text\/plain/);
    }
    const posted = await send({ method: 'POST', path: '/c/x', headers: json, body: '{}' });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe('GET, HEAD');
  });
});
