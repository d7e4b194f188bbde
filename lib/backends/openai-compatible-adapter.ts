import OpenAI, { type ClientOptions } from 'openai';
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
import { type HookedFetchOptions, openAIFetch, REQUEST_HOOKS } from './openai-fetch';
import type { OpenAICompatibleProfile } from './profiles';
import { ThinkTagSplitter } from './think-tag-splitter';
import type {
  BackendAdapter,
  BackendChunk,
  BackendConnection,
  ChatRequest,
  ModelInfo,
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
  data: z.array(
    z.looseObject({
      id: z.string(),
      max_model_len: z.number().optional(),
      owned_by: z.string().optional(),
    }),
  ),
});

function usageOf(usage: NonNullable<z.infer<typeof chunkSchema>['usage']>): UsageReport {
  return usageReport({
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
  });
}

type SDKFetchOptions = NonNullable<ClientOptions['fetchOptions']>;

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
  // One client for every request: building one takes 0.2–0.4 ms here, on each request's way to
  // the backend. A request's hooks reach the fetch through its `fetchOptions`.
  const client = new OpenAI({
    baseURL: connection.baseUrl,
    apiKey: connection.apiKey ?? 'none',
    // Never pick these up from the environment (OPENAI_ORG_ID, …) and send them elsewhere.
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: RESPONSE_TIMEOUT_MS,
    fetch: openAIFetch,
    // Failures reach the user as AppErrors; the SDK's console lines would repeat them.
    logLevel: 'off',
    defaultHeaders: connection.headers,
  });
  const context = (model?: string): FailureContext => ({
    target: connection.label ?? profile.label ?? describeBaseUrl(connection.baseUrl),
    model,
    apiKeyHint: profile.apiKeyHint,
    paymentHint: profile.paymentHint,
    secret: connection.apiKey,
  });

  async function* chat(request: ChatRequest): AsyncGenerator<BackendChunk> {
    const splitter = new ThinkTagSplitter({ reasoningFirst: request.reasoningFirst });
    let phase: Phase = 'connect';
    let finished = false;
    try {
      const fetchOptions: SDKFetchOptions & HookedFetchOptions = { [REQUEST_HOOKS]: request };
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: request.messages,
          stream: true,
          stream_options: { include_usage: true },
          temperature: request.temperature,
          max_tokens: request.maxTokens,
        },
        { signal: request.signal, fetchOptions },
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
      const raw = await client.get<unknown>(profile.modelsPath, { signal });
      return modelsSchema.parse(raw).data.map((model) => ({
        id: model.id,
        contextLength: model.max_model_len,
        ownedBy: model.owned_by,
      }));
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal, context());
      throw mapOpenAIError(error, 'connect', context());
    }
  }

  return { chat, listModels };
}
