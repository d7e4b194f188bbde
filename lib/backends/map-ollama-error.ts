import { z } from 'zod';
import { type AppError, isAppError, toAppError } from '@/lib/errors';
import {
  type FailureContext,
  fromTransport,
  fromUpstream,
  incompleteStream,
  isTransportError,
  isUnreadableRecord,
  malformedStream,
  type Phase,
} from './map-error';

/** ollama-js throws this exact text when a stream ends without its `done` record. */
const SDK_INCOMPLETE = 'Did not receive done or success response in stream.';

// ollama-js does not export ResponseError; its shape is its contract.
const responseErrorSchema = z.object({
  name: z.literal('ResponseError'),
  error: z.string(),
  status_code: z.number(),
});

/**
 * Maps what ollama-js throws to an AppError. Not for our own abort: the adapter rethrows the
 * signal's reason before calling this.
 */
export function mapOllamaError(error: unknown, phase: Phase, context: FailureContext): AppError {
  if (isAppError(error)) return error;
  const response = responseErrorSchema.safeParse(error);
  if (response.success) {
    return fromUpstream(
      { status: response.data.status_code, message: response.data.error },
      context,
    );
  }
  if (isUnreadableRecord(error)) return malformedStream(context, error);
  if (isTransportError(error)) return fromTransport(error, phase, context);
  // ollama-js throws plain Errors of its own; subclasses (RangeError, …) are our bugs.
  if (
    error instanceof Error &&
    Object.getPrototypeOf(error) === Error.prototype &&
    phase === 'stream'
  ) {
    if (error.message === SDK_INCOMPLETE) return incompleteStream(context, undefined, error);
    // ollama-js turns an `{"error": …}` record into a plain Error carrying its text.
    return fromUpstream({ message: error.message }, context);
  }
  return toAppError(error);
}
