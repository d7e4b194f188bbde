import type { FinishReason } from './scheduler';
import type { BackendKind, ResolvedModelScript } from './script';
import type { Run, StoredModel } from './state';
import type { PlannedToken } from './tokens';

export interface ApiError {
  status: number;
  body: unknown;
}

/** The one key a reasoning model streams its trace under, or null when it is all content. */
export type ReasoningKey = 'reasoning_content' | 'reasoning' | null;
export type Delta = Record<string, string | null>;

export interface CompletionParts {
  id: string;
  created: number;
  model: string;
  content: string;
  reasoning: string;
  reasoningKey: ReasoningKey;
  finishReason: FinishReason;
  run: Run;
}

/**
 * Everything in which vLLM and the DeepSeek API differ on the OpenAI wire. The protocol
 * code is shared; a flavour is data plus a few small shaping functions.
 */
export interface OpenAIFlavour {
  kind: Extract<BackendKind, 'openai' | 'deepseek'>;
  chatPaths: readonly string[];
  modelsPaths: readonly string[];
  sseHeaders: Record<string, string>;
  /** An error to answer instead of serving the request, or null when the key is fine. */
  checkAuth(authorization: string | undefined): ApiError | null;
  completionId(): string;
  /** Top-level chunk fields after `model`. */
  chunkExtras: Record<string, string>;
  roleDelta(key: ReasoningKey): Delta;
  tokenDelta(token: PlannedToken, key: ReasoningKey): Delta;
  finishDelta(key: ReasoningKey): Delta;
  /** Choice fields after `finish_reason` on the finishing chunk. */
  finishChoiceExtras: Record<string, null>;
  /** DeepSeek puts usage on the finishing chunk, always; vLLM sends its own chunk on request. */
  usagePlacement: 'finish-chunk' | 'separate-chunk';
  usage(run: Run): Record<string, unknown>;
  /** DeepSeek sends `: keep-alive` comments while a request waits for its first token. */
  keepAliveWhileWaiting: boolean;
  /** The `data:` payload of an error in the middle of a stream. */
  streamError(message: string): string;
  doneAfterError: boolean;
  error(status: number, message?: string): ApiError;
  modelNotFound(model: string): ApiError;
  /**
   * An error for messages this model will not take, or null. DeepSeek's reasoner wants user and
   * assistant messages to alternate. vLLM leaves it to the model's chat template: the R1
   * distills' template takes any order (no `raise_exception`), so the vLLM flavour takes it too.
   */
  checkMessages(model: string, script: ResolvedModelScript, messages: unknown[]): ApiError | null;
  listModels(models: StoredModel[]): unknown;
  completion(parts: CompletionParts): unknown;
  /** Other GET routes the real server has (health, version, balance). */
  extraRoutes: Record<string, () => ApiError>;
  notFound: ApiError;
}

/** Unix seconds, as both servers stamp `created`. */
export const seconds = () => Math.floor(Date.now() / 1000);

/** A token's delta when the trace has its own field (vLLM's shape: one key per delta). */
export function reasoningDelta(token: PlannedToken, key: ReasoningKey): Delta {
  return token.channel === 'reasoning' && key ? { [key]: token.text } : { content: token.text };
}

/** vLLM and DeepSeek word the context error the same way. */
export function contextTooLongMessage(counts: {
  contextLength: number;
  promptTokens: number;
  maxTokens: number;
}): string {
  const completion = counts.maxTokens;
  const messages = Math.max(counts.promptTokens, counts.contextLength + 1 - completion);
  return (
    `This model's maximum context length is ${counts.contextLength} tokens. ` +
    `However, you requested ${messages + completion} tokens (${messages} in the messages, ` +
    `${completion} in the completion). Please reduce the length of the messages or completion.`
  );
}
