import { randomUUID } from 'node:crypto';
import { type ApiError, type OpenAIFlavour, reasoningDelta } from './openai-flavour';
import { pythonJsonDumps } from './python-json';

const vllmErrorTypes: Record<number, string> = {
  400: 'BadRequestError',
  402: 'PaymentRequiredError',
  404: 'NotFoundError',
  422: 'UnprocessableEntityError',
  429: 'TooManyRequestsError',
  500: 'InternalServerError',
  503: 'ServiceUnavailableError',
};

const vllmError = (status: number, message: string): ApiError => ({
  status,
  body: {
    object: 'error',
    message,
    type: vllmErrorTypes[status] ?? 'BadRequestError',
    param: null,
    code: status,
  },
});

export const vllmFlavour: OpenAIFlavour = {
  kind: 'openai',
  chatPaths: ['/v1/chat/completions'],
  modelsPaths: ['/v1/models'],
  // Starlette adds the charset to every text/* media type.
  sseHeaders: { 'Content-Type': 'text/event-stream; charset=utf-8' },
  checkAuth: () => null,
  completionId: () => `chatcmpl-${randomUUID().replaceAll('-', '')}`,
  chunkExtras: {},
  roleDelta: () => ({ role: 'assistant', content: '' }),
  tokenDelta: reasoningDelta,
  finishDelta: () => ({ content: '' }),
  finishChoiceExtras: { stop_reason: null },
  usagePlacement: 'separate-chunk',
  // vLLM's UsageInfo field order.
  usage: (run) => ({
    prompt_tokens: run.promptTokens,
    total_tokens: run.promptTokens + run.completionTokens,
    completion_tokens: run.completionTokens,
  }),
  keepAliveWhileWaiting: false,
  // json.dumps of the error model: Python separators and ASCII escapes, unlike other chunks.
  streamError: (message) =>
    pythonJsonDumps({
      error: { object: 'error', message, type: 'InternalServerError', param: null, code: 500 },
    }),
  doneAfterError: true,
  error: (status, message) =>
    // vLLM's --api-key middleware answers 401 with this bare body.
    status === 401
      ? { status, body: { error: 'Unauthorized' } }
      : vllmError(status, message ?? defaultMessages[status] ?? 'Error'),
  modelNotFound: (model) => vllmError(404, `The model \`${model}\` does not exist.`),
  checkMessages: () => null,
  listModels: (models) => ({
    object: 'list',
    data: models.map(({ script, addedAt }) => {
      const created = Math.floor(addedAt / 1000);
      return {
        id: script.id,
        object: 'model',
        created,
        owned_by: 'vllm',
        root: script.id,
        parent: null,
        max_model_len: script.details.contextLength,
        permission: [
          {
            id: `modelperm-${script.details.digest.slice(0, 32)}`,
            object: 'model_permission',
            created,
            allow_create_engine: false,
            allow_sampling: true,
            allow_logprobs: true,
            allow_search_indices: false,
            allow_view: true,
            allow_fine_tuning: false,
            organization: '*',
            group: null,
            is_blocking: false,
          },
        ],
      };
    }),
  }),
  completion: (parts) => ({
    id: parts.id,
    object: 'chat.completion',
    created: parts.created,
    model: parts.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: parts.content,
          ...(parts.reasoningKey ? { [parts.reasoningKey]: parts.reasoning } : {}),
          tool_calls: [],
        },
        logprobs: null,
        finish_reason: parts.finishReason,
        stop_reason: null,
      },
    ],
    usage: { ...vllmFlavour.usage(parts.run), prompt_tokens_details: null },
    prompt_logprobs: null,
  }),
  extraRoutes: {
    '/health': () => ({ status: 200, body: null }),
    '/version': () => ({ status: 200, body: { version: '0.11.0' } }),
  },
  // FastAPI's default 404.
  notFound: { status: 404, body: { detail: 'Not Found' } },
};

const defaultMessages: Record<number, string> = {
  400: 'Invalid request',
  402: 'Payment required',
  404: 'Not found',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};
