import type { ErrorCode } from '@/lib/errors';

// What a blind battle shows instead of names. Every view of a conversation goes through the one
// projection (lib/conversations/to-view.ts), which calls these while the battle is blind; the
// live event stream masks its errors with the same words (lib/generation/live-message.ts).

/** A battle is blind until its vote reveals the models. */
export function isBlind(conversation: { mode: string; revealedAt: Date | null }): boolean {
  return conversation.mode === 'battle' && conversation.revealedAt === null;
}

/** "Model A", "Model B": the names of a battle's sides, by slot position. */
export function sideName(position: number): string {
  return `Model ${String.fromCharCode(65 + position)}`;
}

/** The title of a battle while it is blind; after the vote it names the two models. */
export const BLIND_TITLE = 'Battle';

/**
 * An error as a blind battle tells it: what happened and what to do, by code only. The
 * adapters' messages name the backend, its URL or the model (lib/backends/map-error.ts).
 */
const BLIND_ERRORS: Partial<Record<ErrorCode, string>> = {
  backend_unreachable: 'The backend could not be reached; retry in a moment.',
  backend_unauthorized: 'The backend refused the API key.',
  backend_payment_required: 'The backend’s account has no credit left.',
  rate_limited: 'Rate limited; retry in a moment.',
  backend_overloaded: 'The backend is overloaded; retry in a moment.',
  backend_error: 'The backend answered with an error; retry.',
  model_not_found: 'The backend no longer has this model.',
  context_too_long: 'The conversation is longer than this model’s context window.',
  invalid_request: 'The backend refused the request.',
  malformed_stream: 'The backend sent a stream Versus could not read; retry.',
  incomplete_stream: 'The answer ended before the backend finished it; retry.',
  stream_timeout: 'The backend stopped sending; retry.',
  interrupted: 'Versus restarted while this answer was being written; retry.',
};

export function blindErrorMessage(code: ErrorCode): string {
  return BLIND_ERRORS[code] ?? 'This answer failed; retry.';
}

export function maskError<T extends { code: ErrorCode; message: string }>(error: T): T {
  return { ...error, message: blindErrorMessage(error.code) };
}

/** Metrics without Ollama's load time: only Ollama reports one, so it would name the backend. */
export function maskMetrics<T extends { loadMs: number | null }>(metrics: T): T {
  return metrics.loadMs === null ? metrics : { ...metrics, loadMs: null };
}
