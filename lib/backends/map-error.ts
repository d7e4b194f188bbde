import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** What a message about a failure may say about who failed and what to do. */
export interface FailureContext {
  /** Names the backend: a label or a base URL without credentials. */
  target: string;
  model: string | undefined;
  /** Advice for a rejected key, e.g. "Check DEEPSEEK_API_KEY." */
  apiKeyHint: string;
  /** Advice for HTTP 402. */
  paymentHint: string;
  /** Scrubbed from every upstream text, in case a server echoes it. */
  secret?: string | null;
}

/** Whether the response had started streaming: a dropped connection then cut an answer short. */
export type Phase = 'connect' | 'stream';

const MAX_DETAIL = 300;
const HTML = /<\s*(!doctype|html|head|body|title|h1|center|div|p)\b/i;
const KEY_LIKE = /\bsk-[\w-]{4,}/g;
/** The `user:password@` part of any URL in a text. */
const URL_CREDENTIALS = /\b([a-z][\w+.-]*:\/\/)[^\s/?#@]+@/gi;

/** A URL fit to leave the server: its credentials, if any, replaced by `***`. */
export function maskCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}

/** A base URL fit for a message: no credentials, query or fragment. */
export function describeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return 'the backend';
  }
}

/** Upstream words, made safe to show: no HTML pages, no keys, bounded length. */
export function safeDetail(text: string | undefined, secret?: string | null): string {
  if (!text || HTML.test(text)) return '';
  let detail = text.replace(/\s+/g, ' ').trim();
  if (secret) detail = detail.split(secret).join('***');
  detail = maskCredentials(detail).replace(KEY_LIKE, 'sk-***');
  return detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
}

function said(detail: string): string {
  return detail ? ` The backend said: "${detail}"` : '';
}

const looksLike = {
  contextTooLong: /context length|context window|maximum model length|prompt is too long/i,
  modelMissing: /model.*(not found|does ?n[o']t exist|not exist)|no such model|model_not_found/i,
  rateLimited: /rate.?limit|too many requests/i,
  paymentRequired: /insufficient (balance|quota)|insufficient_quota/i,
  overloaded: /overloaded|server is busy/i,
  unauthorized: /api key|unauthori[sz]ed|authentication/i,
};

/** An error the upstream put in words, with or without an HTTP status. */
export function fromUpstream(
  failure: { status?: number; message?: string },
  context: FailureContext,
): AppError {
  const { status } = failure;
  const message = failure.message ?? '';
  const detail = safeDetail(message, context.secret);
  const http = status ? ` (HTTP ${status})` : '';
  const model = context.model ? `model "${context.model}"` : 'the model';
  // Server errors are never about the request, whatever their text mentions.
  const aboutRequest = !status || status < 500;

  if (status === 401 || status === 403 || (!status && looksLike.unauthorized.test(message))) {
    return new AppError(
      'backend_unauthorized',
      `${context.target} rejected the API key${http}. ${context.apiKeyHint}${said(detail)}`,
    );
  }
  if (status === 402 || looksLike.paymentRequired.test(message)) {
    return new AppError(
      'backend_payment_required',
      `${context.target} requires payment${http}. ${context.paymentHint}`,
    );
  }
  if (status === 429 || (!status && looksLike.rateLimited.test(message))) {
    return new AppError(
      'rate_limited',
      `${context.target} is rate-limiting requests${http}. Wait a moment, then retry.${said(detail)}`,
    );
  }
  if (status === 503 || (!status && looksLike.overloaded.test(message))) {
    return new AppError(
      'backend_overloaded',
      `${context.target} is overloaded${http}. Retry in a moment.${said(detail)}`,
    );
  }
  if (aboutRequest && looksLike.contextTooLong.test(message)) {
    return new AppError(
      'context_too_long',
      `The conversation is longer than the context window of ${model}. Start a new conversation or shorten the prompt.${said(detail)}`,
    );
  }
  // Without a model in the request (the model list), a 404 means a wrong address.
  if (status === 404 && !context.model) {
    return new AppError(
      'backend_error',
      `${context.target} has no such endpoint${http}. Check the base URL (OpenAI-compatible servers usually need the /v1 suffix).${said(detail)}`,
    );
  }
  if (status === 404 || (aboutRequest && looksLike.modelMissing.test(message))) {
    return new AppError(
      'model_not_found',
      `${context.target} does not know ${model}${http}. Check the model name and the base URL, then refresh the model list.${said(detail)}`,
    );
  }
  if (status && status < 500) {
    return new AppError(
      'invalid_request',
      `${context.target} rejected the request${http}.${said(detail)}`,
    );
  }
  return new AppError('backend_error', `${context.target} failed${http}.${said(detail)}`);
}

const errnoSchema = z.looseObject({ code: z.string() });

/** The first system or undici error code along an error's cause chain. */
function transportCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const parsed = errnoSchema.safeParse(current);
    if (parsed.success) return parsed.data.code;
    current = current.cause;
  }
  return undefined;
}

const transportReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};

/** undici's fetch failures: "fetch failed" before a response, "terminated" during its body. */
export function isTransportError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    (error.message === 'fetch failed' ||
      error.message === 'terminated' ||
      transportCode(error) !== undefined)
  );
}

/** A failure below HTTP: nothing answered, or the connection broke. */
export function fromTransport(error: unknown, phase: Phase, context: FailureContext): AppError {
  const code = transportCode(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AppError(
      'stream_timeout',
      `${context.target} stopped answering. It may be overloaded or still loading the model; retry.`,
      { cause: error },
    );
  }
  if (phase === 'stream') {
    return incompleteStream(context, 'The connection dropped mid-answer', error);
  }
  const reason = (code && transportReasons[code]) ?? 'the request failed';
  return new AppError(
    'backend_unreachable',
    `Could not reach ${context.target}: ${reason}. Is the server running, and is the base URL right?`,
    { cause: error },
  );
}

export function incompleteStream(
  context: FailureContext,
  why = 'The stream ended before its final record',
  cause?: unknown,
): AppError {
  return new AppError(
    'incomplete_stream',
    `${why}; the answer from ${context.target} may be cut off. The text so far is kept; retry to start over.`,
    { cause },
  );
}

export function malformedStream(context: FailureContext, cause: unknown): AppError {
  return new AppError(
    'malformed_stream',
    `${context.target} sent data that could not be read; retry. Any text received so far is kept.`,
    { cause },
  );
}

/**
 * What to throw when our own signal ended the call: its reason, as fetch does (a DOMException
 * AbortError for a plain abort(), or the caller's reason, such as the stall guard's AppError), so
 * the caller tells Stop from failure by `signal.aborted`. A timeout signal is the exception:
 * nobody chose to stop, so its TimeoutError becomes an AppError.
 */
export function abortReason(signal: AbortSignal, context: FailureContext): unknown {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new AppError(
      'backend_unreachable',
      `${context.target} did not answer in time. Is the server running, and is the base URL right?`,
      { cause: reason },
    );
  }
  return reason;
}

/** A syntax or shape failure of a stream record (JSON.parse, or our zod schemas). */
export function isUnreadableRecord(error: unknown): boolean {
  return error instanceof SyntaxError || error instanceof z.ZodError;
}
