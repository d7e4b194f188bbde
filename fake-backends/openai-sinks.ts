import type { ServerResponse } from 'node:http';
import { dropConnection, recordWriter, sendJson } from './http-io';
import type { OpenAIFlavour, ReasoningKey } from './openai-flavour';
import { seconds } from './openai-flavour';
import type { FinishReason, StreamSink } from './scheduler';
import type { ResolvedModelScript } from './script';
import type { Run } from './state';

export interface OpenAISinkContext {
  res: ServerResponse;
  run: Run;
  model: string;
  script: ResolvedModelScript;
  signal: AbortSignal;
  flavour: OpenAIFlavour;
  reasoningKey: ReasoningKey;
  /** `stream_options.include_usage`. */
  includeUsage: boolean;
}

const event = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/** Server-sent events: headers at once, a role chunk, one chunk per token, finish, [DONE]. */
export function openaiStreamSink(context: OpenAISinkContext): StreamSink {
  const { res, flavour, reasoningKey: key } = context;
  const write = recordWriter(res, context.script.splitUtf8, context.signal);
  const id = flavour.completionId();
  const created = seconds();
  const head = { id, object: 'chat.completion.chunk', created, model: context.model };
  const chunk = (choice: Record<string, unknown>) => ({
    ...head,
    ...flavour.chunkExtras,
    choices: [{ index: 0, ...choice }],
  });
  let roleSent = false;
  // Both servers open with a chunk that only names the role, just before the first token.
  const sendRole = () => {
    if (roleSent) return;
    roleSent = true;
    res.write(event(chunk({ delta: flavour.roleDelta(key), logprobs: null, finish_reason: null })));
  };

  return {
    open() {
      res.writeHead(200, flavour.sseHeaders);
      res.flushHeaders();
    },
    keepAlive() {
      res.write(': keep-alive\n\n');
    },
    async token(token) {
      sendRole();
      const delta = flavour.tokenDelta(token, key);
      await write(event(chunk({ delta, logprobs: null, finish_reason: null })));
    },
    malformed() {
      const whole = event(chunk({ delta: { content: '' }, logprobs: null, finish_reason: null }));
      res.write(`${whole.slice(0, 64)}\n\n`);
    },
    finish(reason) {
      sendRole();
      const usage = flavour.usage(context.run);
      const last = {
        ...chunk({
          delta: flavour.finishDelta(key),
          logprobs: null,
          finish_reason: reason,
          ...flavour.finishChoiceExtras,
        }),
        ...(flavour.usagePlacement === 'finish-chunk' ? { usage } : {}),
      };
      res.write(event(last));
      if (flavour.usagePlacement === 'separate-chunk' && context.includeUsage) {
        res.write(event({ ...head, ...flavour.chunkExtras, choices: [], usage }));
      }
      res.end('data: [DONE]\n\n');
    },
    fail(message) {
      res.write(`data: ${flavour.streamError(message)}\n\n`);
      res.end(flavour.doneAfterError ? 'data: [DONE]\n\n' : undefined);
    },
    truncate() {
      res.end();
    },
    drop() {
      dropConnection(res);
    },
  };
}

/** `stream: false`: one chat.completion object once generation is over. */
export function openaiWholeSink(context: OpenAISinkContext): StreamSink {
  const { res, flavour } = context;
  const id = flavour.completionId();
  const created = seconds();
  let content = '';
  let reasoning = '';
  let malformed = false;
  const body = (finishReason: FinishReason) =>
    JSON.stringify(
      flavour.completion({
        id,
        created,
        model: context.model,
        content,
        reasoning,
        reasoningKey: context.reasoningKey,
        finishReason,
        run: context.run,
      }),
    );
  const half = (text: string) => text.slice(0, text.length >> 1);

  return {
    open() {},
    keepAlive() {
      if (!res.headersSent) res.writeHead(200, { 'Content-Type': 'application/json' });
      res.flushHeaders();
    },
    async token(token) {
      if (token.channel === 'reasoning' && context.reasoningKey) reasoning += token.text;
      else content += token.text;
    },
    malformed() {
      malformed = true;
    },
    finish(reason) {
      const text = body(reason);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(malformed ? half(text) : text);
    },
    fail(message) {
      const error = flavour.error(500, message);
      sendJson(res, error.status, error.body);
    },
    truncate() {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(half(body('stop')));
    },
    drop() {
      dropConnection(res);
    },
  };
}
