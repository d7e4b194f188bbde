// Raw node:http clients: JSON requests and Server-Sent Events with every frame stamped on
// arrival. No fetch, no EventSource: nothing between the socket and the clock.
import http from 'node:http';
import { now } from './stats.mjs';

// One socket per stream, never pooled behind another request; plenty for 300 streams.
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const jsonAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * @typedef {{ method?: string, body?: unknown, headers?: Record<string, string>,
 *   timeoutMs?: number }} RequestOptions
 */

/**
 * A JSON (or text) request. Resolves with status, parsed body (when JSON), raw text and the
 * time from sending to the last byte.
 * @param {string} url
 * @param {RequestOptions} [options]
 * @returns {Promise<{ status: number, json: any, text: string, ms: number,
 *   headers: http.IncomingHttpHeaders }>}
 */
export function request(url, options = {}) {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const started = now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        agent: jsonAgent,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        /** @type {Buffer[]} */
        const parts = [];
        res.on('data', (part) => parts.push(part));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let json = null;
          if (String(res.headers['content-type']).includes('json')) json = JSON.parse(text);
          resolve({
            status: res.statusCode ?? 0,
            json,
            text,
            ms: now() - started,
            headers: res.headers,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * @typedef {{ t: number, read: number, data: string }} SseFrame
 * `t`: arrival time of the socket read that completed the frame; `read`: that read's index.
 */

/**
 * Reads one SSE response to its end. Every `data:` payload is stamped with the time the
 * read that completed it arrived, before it is parsed.
 * @param {string} url
 * @param {RequestOptions & { onFrame?: (frame: SseFrame) => void }} [options]
 * @returns {Promise<{ status: number, sentAt: number, frames: SseFrame[],
 *   headers: http.IncomingHttpHeaders }>}
 */
export function readSse(url, options = {}) {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  /** @type {SseFrame[]} */
  const frames = [];
  const sentAt = now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        agent: streamAgent,
        headers: {
          accept: 'text/event-stream',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 120_000,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let buffer = '';
        let read = 0;
        res.setEncoding('utf8');
        res.on('data', (/** @type {string} */ part) => {
          const t = now();
          read += 1;
          buffer += part;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
              .join('\n');
            if (data) {
              const frame = { t, read, data };
              frames.push(frame);
              options.onFrame?.(frame);
            }
            end = buffer.indexOf('\n\n');
          }
        });
        res.on('error', reject);
        res.on('end', () => resolve({ status, sentAt, frames, headers: res.headers }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`stream timeout: ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * GETs a URL `count` times; every answer must be a 200.
 * @param {string} url
 * @param {number} count
 * @param {Record<string, string>} [headers]
 */
export async function timeGets(url, count, headers) {
  /** @type {number[]} */
  const times = [];
  /** @type {Awaited<ReturnType<typeof request>> | undefined} */
  let last;
  for (let i = 0; i < count; i++) {
    last = await request(url, { headers });
    if (last.status !== 200) throw new Error(`${url}: HTTP ${last.status}`);
    times.push(last.ms);
  }
  if (!last) throw new Error(`${url}: no request made`);
  return { times, last, kb: Math.round(last.text.length / 1024) };
}
