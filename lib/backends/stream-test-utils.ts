/** Test support shared by the adapter tests. */
import type { BackendChunk } from './types';

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
