import { z } from 'zod';
import { abortReason, type Phase } from './map-error';
import { mapOllamaError } from './map-ollama-error';
import { ollamaClient, ollamaFailureContext } from './ollama-client';
import { loadedOf, psSchema } from './ollama-models';
import { ThinkTagSplitter } from './think-tag-splitter';
import type {
  BackendAdapter,
  BackendChunk,
  BackendConnection,
  ChatRequest,
  ModelInfo,
  RequestHooks,
  UsageReport,
} from './types';
import { usageReport } from './usage-report';

const chunkSchema = z.looseObject({
  message: z
    .looseObject({ content: z.string().optional(), thinking: z.string().optional() })
    .optional(),
  done: z.boolean(),
  done_reason: z.string().optional(),
  prompt_eval_count: z.number().optional(),
  eval_count: z.number().optional(),
  prompt_eval_duration: z.number().optional(),
  eval_duration: z.number().optional(),
  load_duration: z.number().optional(),
});

const tagsSchema = z.object({
  models: z.array(
    z.looseObject({
      name: z.string(),
      size: z.number().optional(),
      digest: z.string().optional(),
      details: z
        .looseObject({
          family: z.string().optional(),
          parameter_size: z.string().optional(),
          quantization_level: z.string().optional(),
        })
        .optional(),
    }),
  ),
});

const showSchema = z.looseObject({
  capabilities: z.array(z.string()).optional(),
  model_info: z.record(z.string(), z.unknown()).optional(),
});

const versionSchema = z.object({ version: z.string() });

const nsToMs = (ns: number | undefined) => (ns === undefined ? undefined : ns / 1e6);

function usageOf(final: z.infer<typeof chunkSchema>): UsageReport {
  return usageReport({
    promptTokens: final.prompt_eval_count,
    completionTokens: final.eval_count,
    generationMs: nsToMs(final.eval_duration),
    promptEvalMs: nsToMs(final.prompt_eval_duration),
    loadMs: nsToMs(final.load_duration),
  });
}

/** The architecture-prefixed key (`qwen2.context_length`) that /api/show reports. */
function contextLengthOf(modelInfo: Record<string, unknown> | undefined): number | undefined {
  const entry = Object.entries(modelInfo ?? {}).find(([key]) => key.endsWith('.context_length'));
  return typeof entry?.[1] === 'number' ? entry[1] : undefined;
}

export function createOllamaAdapter(connection: BackendConnection): BackendAdapter {
  const context = (model?: string) => ollamaFailureContext(connection, model);
  const clientFor = (signal: AbortSignal, hooks?: RequestHooks) =>
    ollamaClient(connection, signal, hooks);

  async function* chat(request: ChatRequest): AsyncGenerator<BackendChunk> {
    if (request.signal.aborted) throw abortReason(request.signal, context(request.model));
    // Owned by this call: fed by the caller's signal, fired on every way out of the loop.
    const upstream = new AbortController();
    const forward = () => upstream.abort(request.signal.reason);
    request.signal.addEventListener('abort', forward, { once: true });
    const splitter = new ThinkTagSplitter({ reasoningFirst: request.reasoningFirst });
    let phase: Phase = 'connect';
    try {
      const stream = await clientFor(upstream.signal, request).chat({
        model: request.model,
        messages: request.messages,
        stream: true,
        // JSON drops undefined: `think` reaches Ollama only when the request sets it.
        think: request.think,
        options: { temperature: request.temperature, num_predict: request.maxTokens },
      });
      phase = 'stream';
      for await (const raw of stream) {
        const part = chunkSchema.parse(raw);
        yield* splitter.reasoning(part.message?.thinking ?? '');
        yield* splitter.push(part.message?.content ?? '');
        if (part.done) {
          yield* splitter.end();
          yield { type: 'usage', usage: usageOf(part) };
          yield { type: 'finish', reason: part.done_reason ?? 'stop' };
        }
      }
    } catch (error) {
      if (request.signal.aborted) throw abortReason(request.signal, context(request.model));
      throw mapOllamaError(error, phase, context(request.model));
    } finally {
      request.signal.removeEventListener('abort', forward);
      upstream.abort();
    }
  }

  async function listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const client = clientFor(signal ?? new AbortController().signal);
    try {
      const [tags, version, loaded] = await Promise.all([
        client.list(),
        client
          .version()
          .then((raw) => versionSchema.parse(raw).version)
          .catch(() => undefined),
        // What is in memory: a bonus as well (a proxy may not pass /api/ps).
        client
          .ps()
          .then((raw) => loadedOf(psSchema.parse(raw)))
          .catch(() => []),
      ]);
      const { models } = tagsSchema.parse(tags);
      // Capabilities are a bonus: a model whose /api/show fails is still listed.
      const shows = await Promise.all(
        models.map((model) =>
          client
            .show({ model: model.name })
            .then((raw) => showSchema.parse(raw))
            .catch(() => undefined),
        ),
      );
      if (signal?.aborted) throw abortReason(signal, context());
      return models.map((model, index) => {
        const show = shows[index];
        const inMemory = loaded.find((entry) => entry.id === model.name);
        return {
          id: model.name,
          parameterSize: model.details?.parameter_size,
          quantization: model.details?.quantization_level,
          family: model.details?.family,
          digest: model.digest,
          sizeBytes: model.size,
          contextLength: contextLengthOf(show?.model_info),
          supportsThinking: show?.capabilities?.includes('thinking'),
          capabilities: show?.capabilities,
          vramShare:
            inMemory && inMemory.sizeBytes > 0
              ? inMemory.vramBytes / inMemory.sizeBytes
              : undefined,
          loadedUntil: inMemory?.expiresAt ?? undefined,
          backendVersion: version,
        };
      });
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal, context());
      throw mapOllamaError(error, 'connect', context());
    }
  }

  return { chat, listModels };
}
