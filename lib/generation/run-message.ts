import 'server-only';
import type { MessageStatus } from '@/lib/api/views';
import { adapterFor } from '@/lib/backends/create-adapter';
import type { ModelInfo } from '@/lib/backends/types';
import { cachedModelInfo } from '@/lib/catalog/model-cache';
import { config } from '@/lib/config';
import { AppError, toAppError } from '@/lib/errors';
import { ensureCheckpointer } from './checkpoint';
import type { LiveMessage } from './live-message';
import { recordFinal, recordStart } from './message-state';
import { computeMetrics, emptyMetrics, type Timeline } from './metrics';
import { loadRequest, type PreparedRequest } from './prepare-request';
import { liveMessages } from './registry';
import { guardStalls } from './stall-guard';

const METRICS_EVERY_MS = 250;

/** Registers a message as live (pending) so it can be watched and stopped before it runs. */
export function registerLive(live: LiveMessage): void {
  if (liveMessages.has(live.id)) throw new AppError('conflict', 'This message is already running.');
  liveMessages.set(live.id, live);
  ensureCheckpointer();
}

/**
 * Generates one assistant message to the end: streams the backend's chunks to listeners in the
 * same tick, leaves persistence of partial text to the checkpointer, and writes the final row.
 * Never throws: every failure ends as this message's error.
 */
export async function runMessage(live: LiveMessage): Promise<void> {
  if (live.started) return live.settled;
  live.started = true;
  const { controller } = live;
  const timeline: Timeline = { startedAt: performance.now(), chunks: 0 };
  let finishReason: string | null = null;
  let status: MessageStatus = 'done';
  let stall: ReturnType<typeof guardStalls> | undefined;
  let markedStreaming: Promise<void> | undefined;
  let request: PreparedRequest | undefined;

  try {
    if (controller.signal.aborted) throw controller.signal.reason;
    request = live.request ?? (await loadRequest(live.id));
    // Fetches the model listing alongside generation when it is not cached yet; read at the end.
    cachedModelInfo(request.connection, request.model);
    if (!live.startRecorded) markedStreaming = recordStarted(live, request);
    timeline.startedAt = performance.now();
    live.publish({ type: 'status', status: 'streaming' });
    stall = guardStalls(controller, {
      firstTokenMs: config.firstTokenTimeoutMs,
      idleMs: config.idleTimeoutMs,
    });

    let lastMetricsAt = timeline.startedAt;
    const stream = adapterFor(request.connection).chat({
      model: request.model,
      messages: request.messages,
      temperature: request.params.temperature,
      maxTokens: request.params.maxTokens,
      think: request.params.think,
      signal: controller.signal,
      // The model's times start when the request goes out, not while the SDK prepares it.
      onSending: () => {
        timeline.startedAt = performance.now();
      },
      onAnswered: live.markAnswered,
    });
    for await (const chunk of stream) {
      stall.touch();
      const now = performance.now();
      switch (chunk.type) {
        case 'reasoning':
          timeline.firstTokenAt ??= now;
          timeline.firstReasoningAt ??= now;
          timeline.lastReasoningAt = now;
          timeline.lastTokenAt = now;
          timeline.chunks += 1;
          live.publish(chunk);
          break;
        case 'content':
          timeline.firstTokenAt ??= now;
          timeline.firstContentAt ??= now;
          timeline.lastTokenAt = now;
          timeline.chunks += 1;
          live.publish(chunk);
          break;
        case 'reclassify':
          timeline.firstReasoningAt ??= timeline.firstContentAt;
          timeline.lastReasoningAt = now;
          timeline.firstContentAt = undefined;
          live.publish(chunk);
          break;
        case 'usage':
          timeline.usage = { ...timeline.usage, ...chunk.usage };
          break;
        case 'finish':
          finishReason = chunk.reason;
          break;
      }
      if (now - lastMetricsAt >= METRICS_EVERY_MS) {
        lastMetricsAt = now;
        live.publish({ type: 'metrics', metrics: computeMetrics(timeline, now) });
      }
    }
  } catch (thrown) {
    const reason = controller.signal.aborted ? controller.signal.reason : thrown;
    status = endStatus(reason, controller.signal.aborted);
    if (status !== 'stopped') {
      const error = toAppError(reason);
      if (error.code === 'internal') console.error(`message ${live.id} failed:`, reason);
      live.publish({ type: 'error', code: error.code, message: error.message });
    }
  } finally {
    stall?.clear();
    live.markAnswered();
  }
  await markedStreaming;
  const modelInfo = request ? cachedModelInfo(request.connection, request.model) : undefined;
  await finish(live, status, finishReason, timeline, modelInfo);
}

/**
 * How a generation that threw ended: a plain abort is the user's Stop; the server's own
 * shutdown interrupts; anything else (the stall guard's abort included) is an error.
 */
function endStatus(reason: unknown, aborted: boolean): MessageStatus {
  if (aborted && !(reason instanceof AppError)) return 'stopped';
  if (reason instanceof AppError && reason.code === 'interrupted') return 'interrupted';
  return 'error';
}

/** Marks a message that starts after its row was written (a retry, a queued slot) as started. */
async function recordStarted(live: LiveMessage, request: PreparedRequest): Promise<void> {
  if (!(await live.rowWritten)) return;
  try {
    await recordStart({ id: live.id, attempt: live.attempt, params: request.params });
  } catch (error) {
    console.error(`message ${live.id}: start write failed`, error);
  }
}

async function finish(
  live: LiveMessage,
  status: MessageStatus,
  finishReason: string | null,
  timeline: Timeline,
  modelInfo: ModelInfo | undefined,
): Promise<void> {
  const metrics =
    live.status === 'pending' ? emptyMetrics : computeMetrics(timeline, performance.now());
  // Tell the browser first; then persist; only then forget the live copy, so a subscriber
  // arriving in between still finds the final state in memory.
  live.publish({ type: 'done', status, metrics });
  try {
    // A turn whose rows were rolled back has nothing to write.
    if (!(await live.rowWritten)) return;
    await recordFinal({
      id: live.id,
      attempt: live.attempt,
      status,
      content: live.content,
      reasoning: live.reasoning,
      errorCode: live.error?.code ?? null,
      errorMessage: live.error?.message ?? null,
      finishReason,
      modelInfo: modelInfo ? JSON.stringify(modelInfo) : null,
      ...metrics,
    });
  } finally {
    liveMessages.delete(live.id);
    live.markSettled();
  }
}
