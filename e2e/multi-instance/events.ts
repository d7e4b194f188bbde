/** An event of a message's stream (lib/generation/events.ts), as far as these tests read it. */
export interface StreamEvent {
  type: string;
  text?: string;
  content?: string;
  status?: string;
}

/** What a client following one message's stream has of its answer, and when each part came. */
export class FollowedAnswer {
  content = '';
  events: StreamEvent[] = [];
  /** The answer's length after each event, with the time it arrived. */
  readonly lengths: { at: number; length: number }[] = [];

  add(event: StreamEvent) {
    this.events.push(event);
    if (event.type === 'snapshot') this.content = event.content ?? '';
    if (event.type === 'content') this.content += event.text ?? '';
    this.lengths.push({ at: Date.now(), length: this.content.length });
  }

  /** How much of the answer the client had at `time`. */
  lengthAt(time: number): number {
    return this.lengths.findLast((entry) => entry.at <= time)?.length ?? 0;
  }
}

/**
 * Reads a Server-Sent Events body into `answer` until `until` holds, the stream ends, or the
 * connection breaks (an instance killed mid-stream): says which.
 */
export async function follow(
  body: ReadableStream<Uint8Array>,
  answer: FollowedAnswer,
  until: (answer: FollowedAnswer) => boolean = () => false,
): Promise<'until' | 'ended' | 'broken'> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (!until(answer)) {
      const read = await reader.read().catch(() => null);
      if (!read) return 'broken';
      const { done, value } = read;
      if (done) return 'ended';
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice('data:'.length).trimStart())
          .join('\n');
        buffer = buffer.slice(end + 2);
        if (data) answer.add(JSON.parse(data) as StreamEvent);
      }
    }
    return 'until';
  } finally {
    // Closing our end; a connection that already broke has nothing left to close.
    await reader.cancel().catch(() => undefined);
  }
}
