import OpenAI from 'openai';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import {
  abortReason,
  describeBaseUrl,
  type FailureContext,
  incompleteStream,
  type Phase,
} from './map-error';
import { mapOpenAIError } from './map-openai-error';
import { openAIFetch } from './openai-fetch';
import type { OpenAICompatibleProfile } from './profiles';
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
  choices: z
    .array(
      z.looseObject({
        delta: z
          .looseObject({
            content: z.string().nullish(),
            // DeepSeek and vLLM with a reasoning parser; newer vLLM names it `reasoning`.
            reasoning_content: z.string().nullish(),
            reasoning: z.string().nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
  usage: z
    .looseObject({
      prompt_tokens: z.number().optional(),
      completion_tokens: z.number().optional(),
    })
    .nullish(),
});

const modelsSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string(), max_model_len: z.number().optional() })),
});

function usageOf(usage: NonNullable<z.infer<typeof chunkSchema>['usage']>): UsageReport {
  return usageReport({
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
  });
}

/**
 * Only a backstop for a connection that never answers: the caller's stall guard aborts long
 * before, through the request's signal.
 */
const RESPONSE_TIMEOUT_MS = 15 * 60_000;

/** vLLM, DeepSeek and Ollama's /v1 in one implementation; the profile holds what differs. */
export function createOpenAICompatibleAdapter(
  connection: BackendConnection,
  profile: OpenAICompatibleProfile,
): BackendAdapter {
  // One client per call, so its fetch can report that call's sending and answer; constructing
  // one is cheap (about 60 µs) next to a request.
  const clientFor = (hooks?: RequestHooks) =>
    new OpenAI({
      baseURL: connection.baseUrl,
      apiKey: connection.apiKey ?? 'none',
      // Never pick these up from the environment (OPENAI_ORG_ID, …) and send them elsewhere.
      organization: null,
      project: null,
      maxRetries: 0,
      timeout: RESPONSE_TIMEOUT_MS,
      fetch: openAIFetch(hooks),
      // Failures reach the user as AppErrors; the SDK's console lines would repeat them.
      logLevel: 'off',
    });
  const context = (model?: string): FailureContext => ({
    target: profile.label ?? describeBaseUrl(connection.baseUrl),
    model,
    apiKeyHint: profile.apiKeyHint,
    paymentHint: profile.paymentHint,
    secret: connection.apiKey,
  });

  async function* chat(request: ChatRequest): AsyncGenerator<BackendChunk> {
    const splitter = new ThinkTagSplitter();
    let phase: Phase = 'connect';
    let finished = false;
    try {
      const stream = await clientFor(request).chat.completions.create(
        {
          model: request.model,
          messages: request.messages,
          stream: true,
          stream_options: { include_usage: true },
          temperature: request.temperature,
          max_tokens: request.maxTokens,
        },
        { signal: request.signal },
      );
      phase = 'stream';
      // Usage comes on the finish chunk (DeepSeek) or in a later chunk without choices (vLLM).
      for await (const raw of stream) {
        const chunk = chunkSchema.parse(raw);
        const choice = chunk.choices[0];
        const delta = choice?.delta;
        const finishReason = choice?.finish_reason;
        yield* splitter.reasoning(delta?.reasoning_content ?? delta?.reasoning ?? '');
        yield* splitter.push(delta?.content ?? '');
        if (finishReason) yield* splitter.end();
        if (chunk.usage) yield { type: 'usage', usage: usageOf(chunk.usage) };
        if (finishReason) {
          const failure = profile.failedFinishReasons[finishReason];
          if (failure) throw new AppError(failure.code, failure.message);
          finished = true;
          yield { type: 'finish', reason: finishReason };
        }
      }
    } catch (error) {
      if (request.signal.aborted) throw abortReason(request.signal, context(request.model));
      throw mapOpenAIError(error, phase, context(request.model));
    }
    // On abort, the SDK ends its stream quietly instead of throwing.
    if (request.signal.aborted) throw abortReason(request.signal, context(request.model));
    if (!finished) throw incompleteStream(context(request.model));
  }

  async function listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    try {
      const raw = await clientFor().get<unknown>(profile.modelsPath, { signal });
      return modelsSchema
        .parse(raw)
        .data.map((model) => ({ id: model.id, contextLength: model.max_model_len }));
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal, context());
      throw mapOpenAIError(error, 'connect', context());
    }
  }

  return { chat, listModels };
}
