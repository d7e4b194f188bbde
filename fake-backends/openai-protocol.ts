import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readJsonBody, sendBody, sendJson } from './http-io';
import {
  type ApiError,
  contextTooLongMessage,
  type OpenAIFlavour,
  type ReasoningKey,
} from './openai-flavour';
import { openaiStreamSink, openaiWholeSink } from './openai-sinks';
import { play } from './scheduler';
import type { ReasoningStyle } from './script';
import { endRun, type ServerState } from './state';
import { countPromptTokens, planTokens, readMessages } from './tokens';

export interface OpenAIServerOptions {
  /** Interval of DeepSeek's `: keep-alive` comments while a request waits. */
  keepAliveMs: number;
}

const nullableNumber = z.number().nullable().optional();

// Loose: both servers accept many sampling fields the fakes have no use for.
const chatRequestSchema = z.looseObject({
  model: z.string().optional(),
  messages: z.array(z.unknown()),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullable().optional() }).nullish(),
  max_tokens: nullableNumber,
  max_completion_tokens: nullableNumber,
});

function send(res: ServerResponse, error: ApiError): void {
  if (error.body === null) sendBody(res, error.status, '', 'text/plain');
  else sendJson(res, error.status, error.body);
}

/** The OpenAI-compatible chat API, shaped by a flavour (vLLM or DeepSeek). */
export async function handleOpenAI(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: ServerState,
  flavour: OpenAIFlavour,
  options: OpenAIServerOptions,
): Promise<void> {
  const isChat = req.method === 'POST' && flavour.chatPaths.includes(path);
  const isModels = req.method === 'GET' && flavour.modelsPaths.includes(path);
  const extra = req.method === 'GET' ? flavour.extraRoutes[path] : undefined;
  if (!isChat && !isModels && !extra) return send(res, flavour.notFound);
  if (isChat) return chat(req, res, state, flavour, options);
  const denied = flavour.checkAuth(req.headers.authorization);
  if (denied) return send(res, denied);
  if (isModels) return sendJson(res, 200, flavour.listModels(state.listModels()));
  if (extra) send(res, extra());
}

async function chat(
  req: IncomingMessage,
  res: ServerResponse,
  state: ServerState,
  flavour: OpenAIFlavour,
  options: OpenAIServerOptions,
): Promise<void> {
  const body = await readJsonBody(req);
  const parsed = chatRequestSchema.safeParse(body.ok ? body.value : undefined);
  const model = parsed.success ? (parsed.data.model ?? '') : '';
  const stored = model ? state.getModel(model) : undefined;
  const run = state.startRun({
    model,
    request: body.ok ? body.value : null,
    script: stored?.script ?? null,
  });
  const reject = (error: ApiError) => {
    run.status = error.status;
    endRun(run);
    send(res, error);
  };

  const denied = flavour.checkAuth(req.headers.authorization);
  if (denied) return reject(denied);
  if (!body.ok) return reject(flavour.error(400, `Invalid JSON body: ${body.detail}`));
  if (!parsed.success) return reject(flavour.error(400, z.prettifyError(parsed.error)));
  if (!model) return reject(flavour.error(400, 'model is required'));
  const script = stored?.script;
  const fault = script?.fault;
  if (!script || fault?.kind === 'model-not-found') return reject(flavour.modelNotFound(model));
  if (fault?.kind === 'http-error') return reject(flavour.error(fault.status, fault.message));
  const refused = flavour.checkMessages(model, script, parsed.data.messages);
  if (refused) return reject(refused);

  const request = parsed.data;
  const input = readMessages(request.messages);
  run.promptTokens = countPromptTokens(input);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  if (fault?.kind === 'context-too-long') {
    const { contextLength } = script.details;
    const counts = { contextLength, promptTokens: run.promptTokens, maxTokens: maxTokens ?? 0 };
    return reject(flavour.error(400, contextTooLongMessage(counts)));
  }

  const fullPlan = planTokens(script, script.reasoningStyle, input);
  const cut = maxTokens !== undefined && maxTokens >= 0 && maxTokens < fullPlan.length;
  const plan = cut ? fullPlan.slice(0, maxTokens) : fullPlan;
  const stream = request.stream === true;
  const signal = state.track(run, res);
  const context = {
    res,
    run,
    model,
    script,
    signal,
    flavour,
    reasoningKey: reasoningKey(script.reasoningStyle),
    includeUsage: request.stream_options?.include_usage === true,
  };
  await play({
    run,
    script,
    plan,
    finishReason: cut ? 'length' : 'stop',
    sink: stream ? openaiStreamSink(context) : openaiWholeSink(context),
    signal,
    waitingKeepAliveMs: stream && flavour.keepAliveWhileWaiting ? options.keepAliveMs : undefined,
  });
}

/** Tag styles put everything in content; the field styles differ only in the key name. */
function reasoningKey(style: ReasoningStyle): ReasoningKey {
  if (style === 'field') return 'reasoning_content';
  if (style === 'reasoning-field') return 'reasoning';
  return null;
}
