/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerTasks, stopServerTasks } = await import('@/lib/server-start');
  const { passGate } = await import('@/lib/http/gate');
  const { answerClientError, answerConnect, answerExpectation } = await import(
    '@/lib/http/client-errors'
  );
  // scripts/server.mjs sends every request through the gate and stops the process through
  // stopServerTasks. It is plain Node and cannot import the app's TypeScript, so Next.js
  // compiles them here and hands them over.
  (globalThis as { versusServer?: unknown }).versusServer = {
    passGate,
    answerClientError,
    answerConnect,
    answerExpectation,
    stop: stopServerTasks,
  };
  await startServerTasks();
}
