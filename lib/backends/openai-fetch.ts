import { z } from 'zod';
import { httpTransport } from './http-transport';
import type { RequestHooks } from './types';

// Error bodies the openai SDK cannot read: it takes the message from `body.error` only, and
// would report these as "400 status code (no body)".
const foreignErrorSchema = z.union([
  // vLLM before its OpenAI-shaped errors: {"object":"error","message":…,"type":…,"code":400}
  z.looseObject({ message: z.string() }).transform((body) => body.message),
  // FastAPI: {"detail":"Not Found"}
  z.looseObject({ detail: z.string() }).transform((body) => body.detail),
  // FastAPI validation (422): {"detail":[{"loc":[…],"msg":…}]}
  z
    .looseObject({ detail: z.array(z.looseObject({ msg: z.string() })) })
    .transform((body) => body.detail.map((issue) => issue.msg).join('; ')),
]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Rewrites an error body into the `{"error":{"message":…}}` shape the SDK reads. */
async function reshapeErrorBody(response: Response): Promise<Response> {
  const text = await response.text();
  const json = parseJson(text);
  const foreign =
    json && typeof json === 'object' && !('error' in json)
      ? foreignErrorSchema.safeParse(json)
      : undefined;
  const body = foreign?.success ? JSON.stringify({ error: { message: foreign.data } }) : text;
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Where a request's hooks ride to the fetch, in the SDK's per-request `fetchOptions`: the client
 * is shared by every request to a backend, the hooks belong to one.
 */
export const REQUEST_HOOKS = Symbol('versus.requestHooks');
export type HookedFetchOptions = { [REQUEST_HOOKS]?: RequestHooks };

/**
 * The fetch the openai SDK runs on: successful responses pass untouched. It reports the
 * request's leaving and the backend's answer (status line and headers) to the request's hooks.
 */
export async function openAIFetch(
  input: string | URL | Request,
  init?: RequestInit & HookedFetchOptions,
): Promise<Response> {
  const hooks = init?.[REQUEST_HOOKS];
  const response = await httpTransport(input, init, hooks?.onSent);
  hooks?.onAnswered?.();
  return response.ok ? response : reshapeErrorBody(response);
}
