import { every, untilAborted, waitUntil } from './clock';
import type { ResolvedModelScript } from './script';
import { endRun, type Run, recordToken } from './state';
import type { PlannedToken } from './tokens';

export type FinishReason = 'stop' | 'length';

/**
 * How one protocol writes a reply. The scheduler decides what happens when; the sink only
 * knows bytes. Ending methods (finish, fail, truncate, drop) end the response.
 */
export interface StreamSink {
  /** The request is accepted; SSE servers send their headers now, Ollama waits. */
  open(): void;
  /** Something that keeps the connection warm without a token (an SSE comment). */
  keepAlive(): void;
  token(token: PlannedToken): Promise<void>;
  /** A line that is not valid JSON, for clients that must reject it. */
  malformed(): void;
  finish(reason: FinishReason): void;
  fail(message: string): void;
  /** End cleanly without the final record. */
  truncate(): void;
  /** Destroy the socket. */
  drop(): void;
}

export interface PlayOptions {
  run: Run;
  script: ResolvedModelScript;
  plan: PlannedToken[];
  /** 'length' when the plan was cut to the request's token limit. */
  finishReason: FinishReason;
  sink: StreamSink;
  signal: AbortSignal;
  /** Heartbeat while waiting for the first token (DeepSeek), in ms. */
  waitingKeepAliveMs?: number;
}

const defaultKeepAliveOnlyMs = 1000;

/**
 * Plays a plan against the clock: token i is due ttftMs + i · 1000 / tokensPerSecond ms
 * after the request arrived, scheduled on absolute times so nothing drifts. Faults cut the plan at their
 * `afterTokens` and act at the time the next token would have been due.
 */
export async function play(options: PlayOptions): Promise<void> {
  const { run, script, plan, sink, signal } = options;
  const fault = script.fault;
  const interval = 1000 / script.tokensPerSecond;
  const dueAt = (index: number) => run.startedAt + script.ttftMs + index * interval;

  sink.open();
  if (fault?.kind === 'keepalive-only') {
    // At once too, so Ollama's headers (its only sign of life) arrive without delay.
    sink.keepAlive();
    every(fault.intervalMs ?? defaultKeepAliveOnlyMs, signal, () => sink.keepAlive());
    return untilAborted(signal);
  }

  const endsEarly =
    fault?.kind === 'error-mid-stream' ||
    fault?.kind === 'stall' ||
    fault?.kind === 'truncate' ||
    fault?.kind === 'drop';
  const cut = endsEarly ? Math.min(fault.afterTokens, plan.length) : plan.length;
  const malformedAt = fault?.kind === 'malformed-line' ? fault.afterTokens : -1;
  const stopHeartbeat = options.waitingKeepAliveMs
    ? every(options.waitingKeepAliveMs, signal, () => sink.keepAlive())
    : () => {};

  try {
    for (let index = 0; index < cut; index++) {
      if (!(await waitUntil(dueAt(index), signal))) return;
      stopHeartbeat();
      if (index === malformedAt) sink.malformed();
      const token = plan[index];
      if (token === undefined) break;
      // Recorded as it starts to go out: a split write takes a little longer to finish.
      recordToken(run, token);
      await sink.token(token);
    }
    if (endsEarly && !(await waitUntil(dueAt(cut), signal))) return;
  } finally {
    stopHeartbeat();
  }
  if (malformedAt >= plan.length) sink.malformed();

  switch (fault?.kind) {
    case 'stall':
      // The socket stays open, silent, until the client gives up or the fakes close.
      return untilAborted(signal);
    case 'error-mid-stream':
      endRun(run);
      return sink.fail(fault.message ?? 'an error was encountered while running the model');
    case 'truncate':
      endRun(run);
      return sink.truncate();
    case 'drop':
      endRun(run);
      return sink.drop();
    default:
      run.finishReason = options.finishReason;
      endRun(run);
      return sink.finish(options.finishReason);
  }
}
