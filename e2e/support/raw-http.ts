import net from 'node:net';

/** One answer as it came off the wire; `null` when the server closed without answering. */
export interface RawAnswer {
  status: number;
  /** Header names in lower case; a repeated header's values joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
  /** The whole head, for a report. */
  head: string;
}

export interface RawRequest {
  port: number;
  /** The request line and headers, without the final blank line. */
  head: string;
  body?: Buffer;
  /** A HEAD request: the answer has no body whatever its headers say. */
  headOnly?: boolean;
  timeoutMs?: number;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const PIECE = 64 * 1024;
const EARLY_ANSWER_MS = 300;

function parseHead(text: string): { status: number; headers: Record<string, string> } | null {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!match) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { status: Number(match[1]), headers };
}

/** The body of a chunked message, or null while it is incomplete. */
function dechunk(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = data.indexOf('\r\n', at);
    if (end < 0) return null;
    const size = Number.parseInt(data.subarray(at, end).toString('latin1'), 16);
    if (Number.isNaN(size)) throw new Error('malformed chunk size');
    if (size === 0) return Buffer.concat(parts);
    if (data.length < end + 2 + size + 2) return null;
    parts.push(data.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
}

/**
 * Sends bytes exactly as given (any method, target and headers, which `fetch` and node:http
 * refuse or rewrite) and reads one answer. An event stream is cut after its head. A body is
 * written in pieces and no longer once an answer has begun, as a server may refuse it after
 * the head and close the connection.
 */
export function rawRequest({
  port,
  head,
  body,
  headOnly = false,
  timeoutMs = 10_000,
}: RawRequest): Promise<RawAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let answer: Omit<RawAnswer, 'body'> | null = null;
    let bodyStart = 0;
    let settled = false;
    const finish = (error: Error | null, result: RawAnswer | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(result);
    };
    const timer = setTimeout(
      () => finish(new Error(`no complete answer within ${timeoutMs} ms`)),
      timeoutMs,
    );

    const tryComplete = (closed: boolean) => {
      if (!answer) {
        const end = received.indexOf(CRLF2);
        if (end < 0) return closed ? finish(null, null) : undefined;
        const text = received.subarray(0, end).toString('latin1');
        const parsed = parseHead(text);
        if (!parsed) return finish(new Error(`not an HTTP answer: ${JSON.stringify(text)}`));
        // An interim answer (100 Continue): the real one follows.
        if (parsed.status < 200) {
          received = received.subarray(end + 4);
          return tryComplete(closed);
        }
        answer = { ...parsed, head: text };
        bodyStart = end + 4;
      }
      const rest = received.subarray(bodyStart);
      const { headers, status } = answer;
      const empty = headOnly || status === 204 || status === 304;
      if (empty || headers['content-type']?.startsWith('text/event-stream')) {
        return finish(null, { ...answer, body: Buffer.alloc(0) });
      }
      if (headers['transfer-encoding']?.includes('chunked')) {
        let whole: Buffer | null;
        try {
          whole = dechunk(rest);
        } catch (error) {
          return finish(error as Error);
        }
        if (whole) return finish(null, { ...answer, body: whole });
      } else if (headers['content-length'] !== undefined) {
        const length = Number(headers['content-length']);
        if (rest.length >= length) {
          return finish(null, { ...answer, body: rest.subarray(0, length) });
        }
      } else if (closed) {
        return finish(null, { ...answer, body: rest });
      }
      if (closed) finish(new Error('the connection closed in the middle of an answer'));
    };

    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      tryComplete(false);
    });
    socket.on('end', () => tryComplete(true));
    // A reset after the server refused the body is how a refusal may end; a refused
    // connection is no answer at all.
    socket.on('error', (error) => (connected ? tryComplete(true) : finish(error)));
    let connected = false;
    socket.on('connect', async () => {
      connected = true;
      socket.write(`${head}\r\n\r\n`, 'utf8');
      if (!body) return;
      if (body.length > PIECE) {
        // A server that refuses a large body after its head answers and closes at once; bytes
        // still arriving then reset the connection, and with it the unread answer. A client
        // that waits a moment for an early answer (as with Expect: 100-continue) sees it.
        await new Promise((go) => setTimeout(go, EARLY_ANSWER_MS));
      }
      for (let at = 0; at < body.length && !answer && !socket.destroyed; at += PIECE) {
        const flushed = socket.write(body.subarray(at, at + PIECE));
        if (!flushed) await new Promise((go) => socket.once('drain', go).once('close', go));
      }
    });
  });
}
