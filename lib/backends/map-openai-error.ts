import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { z } from 'zod';
import { AppError, isAppError, toAppError } from '@/lib/errors';
import {
  type FailureContext,
  fromTransport,
  fromUpstream,
  isTransportError,
  isUnreadableRecord,
  malformedStream,
  type Phase,
} from './map-error';

const errorBodySchema = z.looseObject({ message: z.string() });

/**
 * Maps what the openai SDK throws to an AppError. Not for our own abort: the adapter rethrows
 * the signal's reason before calling this.
 */
export function mapOpenAIError(error: unknown, phase: Phase, context: FailureContext): AppError {
  if (isAppError(error)) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new AppError(
      'stream_timeout',
      `${context.target} did not answer in time. It may be overloaded or still loading the model; retry.`,
      { cause: error },
    );
  }
  if (error instanceof APIConnectionError) return fromTransport(error, phase, context);
  if (error instanceof APIError) {
    // `error.error` is the body's `error` object (HTTP errors) or a stream's error record.
    const body = errorBodySchema.safeParse(error.error);
    return fromUpstream(
      { status: error.status, message: body.success ? body.data.message : error.message },
      context,
    );
  }
  if (isUnreadableRecord(error)) return malformedStream(context, error);
  if (isTransportError(error)) return fromTransport(error, phase, context);
  return toAppError(error);
}
