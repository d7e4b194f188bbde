import { randomUUID } from 'node:crypto';
import type { ApiError, OpenAIFlavour } from './openai-flavour';

/** DeepSeek's error shapes per status (from its error-code page and real responses). */
const deepseekErrors: Record<number, { message: string; type: string; code: string }> = {
  400: { message: 'Invalid Format', type: 'invalid_request_error', code: 'invalid_request_error' },
  401: {
    message: 'Authentication Fails, Your api key: ****alid is invalid',
    type: 'authentication_error',
    code: 'invalid_request_error',
  },
  402: { message: 'Insufficient Balance', type: 'unknown_error', code: 'invalid_request_error' },
  404: { message: 'Not Found', type: 'invalid_request_error', code: 'invalid_request_error' },
  422: {
    message: 'Invalid Parameters',
    type: 'invalid_request_error',
    code: 'invalid_request_error',
  },
  429: {
    message: 'Rate limit reached for requests',
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
  },
  500: { message: 'Server Error', type: 'server_error', code: 'server_error' },
  503: {
    message: 'Server overloaded, please try again later.',
    type: 'server_error',
    code: 'server_overloaded',
  },
};

const deepseekError = (status: number, message?: string): ApiError => {
  const known = deepseekErrors[status] ?? deepseekErrors[500];
  return {
    status,
    body: {
      error: {
        message: message ?? known?.message ?? 'Server Error',
        type: known?.type ?? 'server_error',
        param: null,
        code: known?.code ?? 'server_error',
      },
    },
  };
};

/** The key that always fails authentication, so tests can provoke a 401. */
export const invalidDeepseekKey = 'sk-invalid';
const deepseekFingerprint = 'fp_feb633d1f5_prod0820_fp8_kvcache';

export const deepseekFlavour: OpenAIFlavour = {
  kind: 'deepseek',
  chatPaths: ['/chat/completions', '/v1/chat/completions'],
  modelsPaths: ['/models', '/v1/models'],
  sseHeaders: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
  checkAuth: (authorization) => {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!key) {
      return deepseekError(
        401,
        'Authentication Fails (auth header format should be Bearer sk-...)',
      );
    }
    if (key !== invalidDeepseekKey) return null;
    return deepseekError(
      401,
      `Authentication Fails, Your api key: ****${key.slice(-4)} is invalid`,
    );
  },
  completionId: () => randomUUID(),
  chunkExtras: { system_fingerprint: deepseekFingerprint },
  // A reasoning model names both fields on every delta, the idle one as null.
  roleDelta: (key) =>
    key ? { role: 'assistant', content: null, [key]: '' } : { role: 'assistant', content: '' },
  tokenDelta: (token, key) => {
    if (!key) return { content: token.text };
    return token.channel === 'reasoning'
      ? { content: null, [key]: token.text }
      : { content: token.text, [key]: null };
  },
  finishDelta: (key) => (key ? { content: '', [key]: null } : { content: '' }),
  finishChoiceExtras: {},
  usagePlacement: 'finish-chunk',
  usage: (run) => ({
    prompt_tokens: run.promptTokens,
    completion_tokens: run.completionTokens,
    total_tokens: run.promptTokens + run.completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    ...(run.reasoningTokens > 0
      ? { completion_tokens_details: { reasoning_tokens: run.reasoningTokens } }
      : {}),
    prompt_cache_hit_tokens: 0,
    prompt_cache_miss_tokens: run.promptTokens,
  }),
  keepAliveWhileWaiting: true,
  streamError: (message) =>
    JSON.stringify({
      error: { message, type: 'server_error', param: null, code: 'server_error' },
    }),
  doneAfterError: false,
  error: deepseekError,
  modelNotFound: () => deepseekError(400, 'Model Not Exist'),
  checkMessages: (model, script, messages) => {
    // deepseek-chat takes any order; the reasoner does not (its real error, word for word).
    if (script.reasoningStyle === 'none') return null;
    const roles = messages.map((message) =>
      typeof message === 'object' && message !== null && 'role' in message ? message.role : null,
    );
    const at = roles.findIndex(
      (role, index) => (role === 'user' || role === 'assistant') && roles[index + 1] === role,
    );
    if (at < 0) return null;
    return deepseekError(
      400,
      `${model} does not support successive user or assistant messages (messages[${at}] and messages[${at + 1}] in your input). You should interleave the user/assistant messages in the message sequence.`,
    );
  },
  listModels: (models) => ({
    object: 'list',
    data: models.map(({ script }) => ({ id: script.id, object: 'model', owned_by: 'deepseek' })),
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
        },
        logprobs: null,
        finish_reason: parts.finishReason,
      },
    ],
    usage: deepseekFlavour.usage(parts.run),
    system_fingerprint: deepseekFingerprint,
  }),
  extraRoutes: {
    '/user/balance': () => ({
      status: 200,
      body: {
        is_available: true,
        balance_infos: [
          {
            currency: 'USD',
            total_balance: '10.00',
            granted_balance: '0.00',
            topped_up_balance: '10.00',
          },
        ],
      },
    }),
  },
  notFound: deepseekError(404),
};
