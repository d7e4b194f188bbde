import 'server-only';
import type { MessageStatus } from '@/lib/api/views';
import { adapterFor } from '@/lib/backends/create-adapter';
import type { ModelInfo } from '@/lib/backends/types';
import { cachedModelInfo, listModels } from '@/lib/catalog/model-cache';
import { config } from '@/lib/config';
import { AppError, isAppError, toAppError } from '@/lib/errors';
import { ensureCheckpointer } from './checkpoint';
import { ensureClusterControl } from './cluster-control';
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
  ensureClusterControl();
}

/**
 * Ends a message this process runs: aborts its upstream request (with `reason`, or as a Stop)
 * and resolves once its final state is saved. A pending message that never started is
 * finished here rather than when its turn comes.
 */
export function endLive(live: LiveMessage, reason?: unknown): Promise<void> {
  live.controller.abort(reason);
  return live.started ? live.settled : runMessage(live);
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
  let request: PreparedRequest | undefined;

  try {
    if (controller.signal.aborted) throw controller.signal.reason;
    const prepared = live.request ?? (await loadRequest(live.id));
    // Not kept as `request` first: the model listing below would go to the SDK's default server.
    if (prepared.unavailable) throw prepared.unavailable;
    request = prepared;
    // A queued slot or a retry records its start before its request leaves: the write holds the
    // only thread for a while, and inside the wait for the first token it would count in it.
    if (!live.startRecorded) await recordStarted(live, request);
    const think = await thinkFor(request);
    if (controller.signal.aborted) throw controller.signal.reason;
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
      think,
      reasoningFirst: request.reasoningFirst,
      signal: controller.signal,
      // The model's times start when the request has left, not while it is being prepared.
      onSent: () => {
        timeline.startedAt = performance.now();
        lastMetricsAt = timeline.startedAt;
      },
      onAnswered: live.markAnswered,
    });
    for await (const chunk of stream) {
      stall.touch();
      const now = performance.now();
      const awaitingFirstToken = timeline.firstTokenAt === undefined;
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
        case 'hidden':
          // A `<think>` tag, or what may become one: the first token all the same.
          timeline.firstTokenAt ??= now;
          timeline.lastTokenAt = now;
          timeline.chunks += 1;
          break;
        case 'format':
          live.reasoningFormat = chunk.format;
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
      if (awaitingFirstToken && timeline.firstTokenAt !== undefined) {
        // The model listing (for the message's model record, when not cached yet) waits for
        // the first token: its answers would hold the thread while the first token arrives.
        cachedModelInfo(request.connection, request.model);
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
  const modelInfo = request ? cachedModelInfo(request.connection, request.model) : undefined;
  await finish(live, status, finishReason, timeline, modelInfo);
}

/** A backend without an address: one an imported conversation named (lib/catalog/backend-source.ts). */
/**
 * How a generation that threw ended: a plain abort is the user's Stop; the server's own
 * shutdown interrupts; anything else (the stall guard's abort included) is an error.
 */
function endStatus(reason: unknown, aborted: boolean): MessageStatus {
  if (aborted && !isAppError(reason)) return 'stopped';
  if (isAppError(reason) && reason.code === 'interrupted') return 'interrupted';
  return 'error';
}

/**
 * Ollama's `think`, unless the model listing says the model cannot think: Ollama answers 400
 * to `think` for a model without the 'thinking' capability. Waits for a listing only when
 * `think` is on and the cached one does not know the model (none was made yet, or the model is
 * newer than it): a failed listing sends `think` as asked. Before the request leaves, so the
 * wait is not the model's time.
 */
async function thinkFor(request: PreparedRequest): Promise<boolean | undefined> {
  const { think } = request.params;
  if (think === undefined || request.connection.kind !== 'ollama') return think;
  const info =
    cachedModelInfo(request.connection, request.model) ??
    (think
      ? await listModels(request.connection).then(
          (models) => models.find((model) => model.id === request.model),
          () => undefined,
        )
      : undefined);
  return info?.supportsThinking === false ? undefined : think;
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
      reasoningFormat: live.reasoningFormat,
      ...metrics,
    });
  } finally {
    liveMessages.delete(live.id);
    live.markSettled();
  }
}
