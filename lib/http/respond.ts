import 'server-only';
import type { z } from 'zod';
import { AppError, toAppError } from '@/lib/errors';

/** The one error body every route answers, `{ error: { code, message } }`, and its status. */
export function errorPayload(error: unknown): {
  status: number;
  body: { error: { code: string; message: string } };
} {
  const appError = toAppError(error);
  if (appError.code === 'internal') console.error(appError.cause ?? appError);
  return {
    status: appError.status,
    body: { error: { code: appError.code, message: appError.message } },
  };
}

export function errorResponse(error: unknown): Response {
  const { status, body } = errorPayload(error);
  return Response.json(body, { status });
}

/** Runs a route body; any throw becomes the standard error response. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

/** Validates a JSON body; a type annotation on `await req.json()` is not validation. */
export async function parseBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON.');
  }
  return parseInput(schema, body);
}

/** Validates a request's query string. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new AppError('bad_request', `Invalid request — ${detail}.`);
  }
  return result.data;
}
