import { canMove, isFinal } from '@/lib/api/message-status';
import type { MessageMetrics, MessageStatus } from '@/lib/api/views';
import type { ReasoningFormat } from '@/lib/backends/types';
import { maskError, maskMetrics } from '@/lib/battles/blind';
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

/** Where a client is in a message: its attempt, the reclassifications seen, the text lengths. */
interface Position {
  attempt: number;
  epoch: number;
  reasoning: number;
  content: number;
}

/** `<attempt>.<epoch>.<reasoning length>.<content length>`; null for any other id. */
function parseEventId(value: string | null | undefined): Position | null {
  const match = value?.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (!match) return null;
  const [attempt, epoch, reasoning, content] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return { attempt, epoch, reasoning, content };
}

/**
 * The in-memory state of a message this process is generating: the text so far and who is
 * listening. The only state that lives in memory. An event's id is the position it leaves the
 * client at (text lengths, not a sequence number), so a client that re-attaches is sent the
 * text after its position from the text itself: no log of sent events is kept, and the memory
 * a message holds is its text.
 */
export class LiveMessage {
  readonly id: string;
  readonly attempt: number;
  readonly controller = new AbortController();
  status: MessageStatus = 'pending';
  content = '';
  reasoning = '';
  /** The content may still turn out to be reasoning (see `tentative` in events.ts). */
  tentative = false;
  /** How the reasoning arrived, once the stream has shown it. */
  reasoningFormat: ReasoningFormat | null = null;
  metrics: MessageMetrics = emptyMetrics;
  error: { code: ErrorCode; message: string } | null = null;
  /**
   * A blind battle's answer: its events reach readers without a backend's words or a metric only
   * one backend has (blindEvent); what is saved keeps them, for after the vote.
   */
  blind = false;
  /** Its conversation, where whoever created it knew it: deleting the conversation stops it. */
  conversationId?: string;
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
  /** How often the answer so far was moved into the reasoning (a bare `</think>`). */
  private epoch = 0;
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

  /** How often the answer so far was moved into the reasoning: text positions hold within one. */
  get epochs(): number {
    return this.epoch;
  }

  get lastEventId(): string {
    return `${this.attempt}.${this.epoch}.${this.reasoning.length}.${this.content.length}`;
  }

  get finished(): boolean {
    return isFinal(this.status);
  }

  /**
   * Applies an event to the state and sends it to every listener, in the same tick. A final
   * message takes no more events: nothing leaves a final state.
   */
  publish(event: MessageEvent): void {
    if (this.finished) return;
    switch (event.type) {
      case 'reasoning':
        this.reasoning += event.text;
        this.dirty = true;
        break;
      case 'content':
        this.content += event.text;
        this.tentative = event.tentative === true;
        this.dirty = true;
        break;
      case 'reclassify':
        this.reasoning += this.content;
        this.content = '';
        this.tentative = false;
        this.epoch += 1;
        this.dirty = true;
        break;
      case 'status':
        if (!canMove(this.status, event.status)) return;
        this.status = event.status;
        break;
      case 'metrics':
        this.metrics = event.metrics;
        break;
      case 'error':
        this.error = { code: event.code, message: event.message };
        break;
      case 'done':
        if (!canMove(this.status, event.status)) return;
        this.status = event.status;
        this.metrics = event.metrics;
        // An answer that ended normally was an answer; one stopped or failed while still
        // undecided may yet have been reasoning, and says so.
        if (event.status === 'done') this.tentative = false;
        break;
      case 'snapshot':
        break;
    }
    const frame = sseFrame(this.id, this.lastEventId, this.blind ? blindEvent(event) : event);
    for (const listener of this.listeners) listener(frame);
    if (event.type === 'done') for (const close of this.closers) close();
  }

  private frame(event: MessageEvent): string {
    return sseFrame(this.id, this.lastEventId, this.blind ? blindEvent(event) : event);
  }

  private snapshotFrame(): string {
    return this.frame({
      type: 'snapshot',
      attempt: this.attempt,
      status: this.status,
      content: this.content,
      reasoning: this.reasoning,
      ...(this.tentative ? { tentative: true } : {}),
      metrics: this.metrics,
      error: this.error,
    });
  }

  /** What a client at `seen` lacks, in a few events: the text after it, then the latest state. */
  private catchUpFrames(seen: Position): string[] {
    const frames: string[] = [];
    const reasoning = this.reasoning.slice(seen.reasoning);
    const content = this.content.slice(seen.content);
    if (reasoning) frames.push(this.frame({ type: 'reasoning', text: reasoning }));
    if (content) {
      // Tentative content is all the content there is: the tail sent here is tentative too.
      const tentative = this.tentative ? { tentative: true as const } : {};
      frames.push(this.frame({ type: 'content', text: content, ...tentative }));
    }
    if (!this.finished) frames.push(this.frame({ type: 'status', status: this.status }));
    frames.push(this.frame({ type: 'metrics', metrics: this.metrics }));
    if (this.error) frames.push(this.frame({ type: 'error', ...this.error }));
    return frames;
  }

  /**
   * Subscribes a listener. With the id of an event of this attempt it sends what came after;
   * otherwise it starts from a snapshot. A finished message then sends its `done` and closes.
   * Returns the unsubscribe function.
   */
  subscribe(listener: Listener, close: () => void, lastEventId?: string | null): () => void {
    const seen = parseEventId(lastEventId);
    const resumable =
      seen !== null &&
      seen.attempt === this.attempt &&
      seen.epoch === this.epoch &&
      seen.reasoning <= this.reasoning.length &&
      seen.content <= this.content.length;
    const frames = resumable ? this.catchUpFrames(seen) : [this.snapshotFrame()];
    for (const frame of frames) listener(frame);
    if (this.finished) {
      listener(this.frame({ type: 'done', status: this.status, metrics: this.metrics }));
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

/** An event as a blind battle's reader gets it: no backend's words, no backend-only metric. */
function blindEvent(event: MessageEvent): MessageEvent {
  switch (event.type) {
    case 'error':
      return maskError(event);
    case 'metrics':
    case 'done':
      return { ...event, metrics: maskMetrics(event.metrics) };
    case 'snapshot':
      return {
        ...event,
        metrics: maskMetrics(event.metrics),
        error: event.error && maskError(event.error),
      };
    default:
      return event;
  }
}
