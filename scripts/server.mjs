// The app's HTTP server. Every request passes the request gate (lib/http/gate.ts), which answers
// the streaming API itself and hands everything else to Next.js. `--dev` serves the development
// build with hot reloading; otherwise the production build in .next.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { root } from './lib.mjs';

const dev = process.argv.includes('--dev');
process.env.NODE_ENV ??= dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';
const { default: next } = await import('next');

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || '3000');
/** How long a stop may take before the process exits anyway. */
const STOP_DEADLINE_MS = 8_000;

const app = next({ dev, dir: root, hostname: host, port });
const handleNext = app.getRequestHandler();
await app.prepare();

/**
 * @typedef {{
 *   passGate: (req: http.IncomingMessage, res: http.ServerResponse, next: typeof handleNext) => Promise<void>,
 *   answerClientError: (error: Error, socket: import('node:stream').Duplex) => void,
 *   answerConnect: (req: http.IncomingMessage, socket: import('node:stream').Duplex) => void,
 *   answerExpectation: (req: http.IncomingMessage, res: http.ServerResponse) => void,
 *   stop: () => Promise<void>,
 * }} VersusServer
 */
const hooks = () => /** @type {{ versusServer?: VersusServer }} */ (globalThis).versusServer;

/**
 * The gate comes from instrumentation.ts, which Next.js compiles and runs in its `prepare`.
 * In production `app.prepare()` leaves that to the first request, and the only public way to
 * make one is the request handler itself: one request, on a loopback port of its own that
 * answers nothing else, before the app's port opens. Next.js may answer it before the hook has
 * run, so wait for the hook too.
 */
async function warmUp() {
  const token = randomUUID();
  const warm = http.createServer((req, res) => {
    if (req.headers['x-versus-warm-up'] !== token) return void res.writeHead(403).end();
    void handleNext(req, res);
  });
  await new Promise((resolve) => warm.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (warm.address());
  try {
    const response = await fetch(`http://127.0.0.1:${address.port}/_next/static/versus-warm-up`, {
      headers: { 'x-versus-warm-up': token },
    });
    await response.arrayBuffer();
  } finally {
    warm.close();
  }
  for (let waited = 0; !hooks() && waited < 60_000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

if (!hooks()) await warmUp();
const versus = hooks();
if (!versus) throw new Error('instrumentation.ts did not register the request gate');

// Without a Host, the gate answers (421, in the error shape) rather than Node's bare 400.
const server = http.createServer({ requireHostHeader: false }, (req, res) => {
  void versus.passGate(req, res, handleNext);
});
// What Node refuses before a request exists gets the same error shape and headers.
server.on('clientError', versus.answerClientError);
server.on('connect', versus.answerConnect);
server.on('checkExpectation', versus.answerExpectation);
server.listen(port, host, () => {
  console.log(`Versus ${dev ? '(development) ' : ''}on http://${host}:${port}`);
});

/** Stop accepting, save every running message as interrupted, then exit (and run exit hooks). */
async function stop(signal) {
  console.log(`${signal}: stopping…`);
  setTimeout(() => {
    console.error(`Stopping took over ${STOP_DEADLINE_MS / 1000} s; exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  server.close();
  server.closeIdleConnections();
  try {
    await versus.stop();
  } catch (error) {
    console.error('stopping failed', error);
    process.exitCode = 1;
  }
  server.closeAllConnections();
  process.exit();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop(signal));
