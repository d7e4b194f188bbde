/** Test support shared by the adapter tests. */
import type { RecordedServer } from './recorded-server';
import type { BackendChunk, RequestHooks } from './types';

/** Drains a chat stream; keeps what arrived before a failure, and the failure itself. */
export async function collect(stream: AsyncIterable<BackendChunk>) {
  const chunks: BackendChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error };
  }
}

export function textOf(chunks: BackendChunk[], type: 'reasoning' | 'content'): string {
  return chunks.map((chunk) => (chunk.type === type ? chunk.text : '')).join('');
}

/** A promise with its resolver outside, to hold a recorded reply until the test says so. */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chats against a server that holds its reply's headers until `headers` opens, counting the
 * request hooks: while the server holds the request, and once the stream is done.
 */
export async function countRequestHooks(
  chat: (hooks: RequestHooks) => AsyncIterable<BackendChunk>,
  server: RecordedServer,
  headers: ReturnType<typeof gate>,
) {
  const done = { sent: 0, answered: 0 };
  const collecting = collect(
    chat({ onSent: () => done.sent++, onAnswered: () => done.answered++ }),
  );
  while (!server.requests[0]) await sleep(5);
  await sleep(30);
  const held = { ...done };
  headers.open();
  const { chunks } = await collecting;
  return { held, done, chunks };
}
