import type { ErrorCode } from '@/lib/errors';
import type { BackendKind } from './types';

/** What sets one OpenAI-compatible server apart from another: data, never code paths. */
export interface OpenAICompatibleProfile {
  /** Names the backend in messages; without it, the base URL does. */
  label?: string;
  /** Advice when the key is rejected (401/403). */
  apiKeyHint: string;
  /** Advice on HTTP 402. */
  paymentHint: string;
  /** The model list, relative to the base URL. */
  modelsPath: string;
  /** Finish reasons that mean the answer was cut off by a failure, not finished. */
  failedFinishReasons: Record<string, { code: ErrorCode; message: string }>;
}

export const profiles: Record<Exclude<BackendKind, 'ollama'>, OpenAICompatibleProfile> = {
  // vLLM, Ollama's /v1, and any other server speaking the protocol.
  openai: {
    apiKeyHint: "Check OPENAI_API_KEY (or OPENAI_API_KEYS) against the server's --api-key.",
    paymentHint: 'Check the balance of the account behind OPENAI_API_KEY.',
    modelsPath: '/models',
    failedFinishReasons: {},
  },
  deepseek: {
    label: 'DeepSeek',
    apiKeyHint: 'Check DEEPSEEK_API_KEY.',
    paymentHint: 'Insufficient balance; top up at platform.deepseek.com.',
    modelsPath: '/models',
    failedFinishReasons: {
      insufficient_system_resource: {
        code: 'backend_overloaded',
        message:
          'DeepSeek ran out of capacity mid-answer. The text so far is kept; retry in a moment.',
      },
    },
  },
};
