/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerTasks } = await import('@/lib/server-start');
  const { serveNodeRoute } = await import('@/lib/http/node-routes');
  // scripts/server.mjs asks this before handing a request to Next.js. It is plain Node and
  // cannot import the app's TypeScript, so Next.js compiles the routes here and hands them over.
  (globalThis as { versusNodeRoutes?: typeof serveNodeRoute }).versusNodeRoutes = serveNodeRoute;
  await startServerTasks();
}
