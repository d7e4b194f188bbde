/** Every failure the app reports, by what the user can do about it. */
export const errorCodes = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  length_required: 411,
  payload_too_large: 413,
  unsupported_media_type: 415,
  expectation_failed: 417,
  host_not_allowed: 421,
  headers_too_large: 431,
  backend_unreachable: 502,
  backend_unauthorized: 502,
  backend_payment_required: 502,
  rate_limited: 429,
  backend_overloaded: 503,
  backend_error: 502,
  model_not_found: 404,
  context_too_long: 400,
  invalid_request: 400,
  malformed_stream: 502,
  incomplete_stream: 502,
  stream_timeout: 504,
  interrupted: 500,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * Marks an AppError. Next.js bundles this module more than once in one process (start-up code,
 * the request gate and each route apart), so `instanceof` fails for an error made in another
 * bundle: a shutdown's "interrupted" read as a user's Stop in a message a route had started.
 */
const APP_ERROR = Symbol.for('versus.AppError');

/** The one application error: a code, an HTTP status and a message that is safe to show. */
export class AppError extends Error {
  readonly [APP_ERROR] = true;
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && APP_ERROR in value;
}

/** Anything thrown, as an AppError; unknown errors never leak their text. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  return new AppError('internal', 'Something went wrong on the server.', { cause: value });
}
