import type { MessageMetrics, MessageStatus } from '@/lib/api/views';
import type { ErrorCode } from '@/lib/errors';
import type { MessageEvent } from './events';
import { emptyMetrics } from './metrics';
import type { PreparedRequest } from './prepare-request';

export type Listener = (frame: string) => void;

/**
 * One SSE frame; encoded once per event and shared by every listener and the replay log.
 * The data names its message, so one connection can carry several (see subscribe.ts).
 */
export function sseFrame(messageId: string, eventId: string, event: MessageEvent): string {
  // Ids are base64url (lib/ids.ts): safe inside a JSON string without escaping.
  return `id: ${eventId}\ndata: {"messageId":"${messageId}",${JSON.stringify(event).slice(1)}\n\n`;
}

/**
 * The in-memory state of a message this process is generating: the text so far, the frames
 * sent (for Last-Event-ID replay) and who is listening. The only state that lives in memory.
 */
export class LiveMessage {
  readonly id: string;
  readonly attempt: number;
  readonly controller = new AbortController();
  status: MessageStatus = 'pending';
  content = '';
  reasoning = '';
  metrics: MessageMetrics = emptyMetrics;
  error: { code: ErrorCode; message: string } | null = null;
  /** Text changed since the last checkpoint. */
  dirty = false;
  lastCheckpointAt = 0;
  /** The upstream request, when whoever created the message had the rows to build it. */
  request?: PreparedRequest;
  /** runMessage has taken this message; a pending message that never started has not. */
  started = false;
  /**
   * Whether the message's row exists. A new turn's requests leave before its rows are written
   * (time to first token should not wait for the database); until then nothing may write it.
   */
  inDatabase = true;
  /** Resolves true once the row exists, false if it never will (its turn was rolled back). */
  rowWritten: Promise<boolean> = Promise.resolve(true);
  /** The row was created already marked as started, so runMessage need not write that. */
  startRecorded = false;
  /** Resolves once the final state is in the database. */
  readonly settled: Promise<void>;
  markSettled: () => void = () => {};
  /** Resolves once the backend has answered the upstream request, or generation ended before. */
  readonly answered: Promise<void>;
  markAnswered: () => void = () => {};
  private readonly frames: string[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();

  constructor(id: string, attempt: number) {
    this.id = id;
    this.attempt = attempt;
    this.settled = new Promise((resolve) => {
      this.markSettled = resolve;
    });
    this.answered = new Promise((resolve) => {
      this.markAnswered = resolve;
    });
  }

  /** How many event streams follow this message now. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Holds writes of this message until `written` settles: its row is written meanwhile. */
  awaitRow(written: Promise<unknown>): void {
    this.inDatabase = false;
    this.rowWritten = written.then(
      () => {
        this.inDatabase = true;
        return true;
      },
      () => false,
    );
  }

  get lastEventId(): string {
    return `${this.attempt}.${this.frames.length}`;
  }

  get finished(): boolean {
    return this.status !== 'pending' && this.status !== 'streaming';
  }

  /** Applies an event to the state and sends it to every listener, in the same tick. */
  publish(event: MessageEvent): void {
    switch (event.type) {
      case 'reasoning':
        this.reasoning += event.text;
        this.dirty = true;
        break;
      case 'content':
        this.content += event.text;
        this.dirty = true;
        break;
      case 'reclassify':
        this.reasoning += this.content;
        this.content = '';
        this.dirty = true;
        break;
      case 'status':
        this.status = event.status;
        break;
      case 'metrics':
        this.metrics = event.metrics;
        break;
      case 'error':
        this.error = { code: event.code, message: event.message };
        break;
      case 'done':
        this.status = event.status;
        this.metrics = event.metrics;
        break;
      case 'snapshot':
        break;
    }
    const frame = sseFrame(this.id, `${this.attempt}.${this.frames.length + 1}`, event);
    this.frames.push(frame);
    for (const listener of this.listeners) listener(frame);
    if (event.type === 'done') for (const close of this.closers) close();
  }

  snapshotFrame(): string {
    return sseFrame(this.id, this.lastEventId, {
      type: 'snapshot',
      attempt: this.attempt,
      status: this.status,
      content: this.content,
      reasoning: this.reasoning,
      metrics: this.metrics,
      error: this.error,
    });
  }

  /**
   * Subscribes a listener. With the id of a frame of this attempt it replays what came after;
   * otherwise it starts from a snapshot. Returns the unsubscribe function.
   */
  subscribe(listener: Listener, close: () => void, lastEventId?: string | null): () => void {
    const seen = parseEventId(lastEventId);
    if (seen && seen.attempt === this.attempt && seen.seq <= this.frames.length) {
      for (const frame of this.frames.slice(seen.seq)) listener(frame);
    } else {
      listener(this.snapshotFrame());
    }
    if (this.finished) {
      close();
      return () => {};
    }
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
    };
  }
}

function parseEventId(value: string | null | undefined) {
  const match = value?.match(/^(\d+)\.(\d+)$/);
  if (!match) return null;
  return { attempt: Number(match[1]), seq: Number(match[2]) };
}
