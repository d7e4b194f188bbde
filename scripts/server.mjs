// The app's HTTP server: the streaming API (lib/http/node-routes.ts, handed over by
// instrumentation.ts) straight from Node, every other request through Next.js. `--dev` serves
// the development build with hot reloading; otherwise the production build in .next.
import http from 'node:http';
import { root } from './lib.mjs';

const dev = process.argv.includes('--dev');
process.env.NODE_ENV ??= dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';
const { default: next } = await import('next');

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || '3000');
const app = next({ dev, dir: root, hostname: host, port });
const handleNext = app.getRequestHandler();
await app.prepare();
// In production Next.js loads instrumentation.ts on its first request; the streaming routes
// must be there before that, so prepare the inner server now (what the first request does).
await (await app.server.getServer()).prepare();

const nodeRoutes =
  /** @type {{ versusNodeRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean }} */ (
    globalThis
  ).versusNodeRoutes;
if (!nodeRoutes) throw new Error('instrumentation.ts did not register the streaming routes');

const server = http.createServer((req, res) => {
  if (nodeRoutes(req, res)) return;
  void handleNext(req, res);
});
server.listen(port, host, () => {
  console.log(`Versus ${dev ? '(development) ' : ''}on http://${host}:${port}`);
});
// Exit through process.exit, so exit hooks (and --cpu-prof) run; unfinished messages are marked
// interrupted on the next start.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));
