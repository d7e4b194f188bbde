import type { ServerResponse } from 'node:http';
import { now } from './clock';
import { goJson, rfc3339Nano } from './go-json';
import { dropConnection, recordWriter, sendBody } from './http-io';
import type { FinishReason, StreamSink } from './scheduler';
import type { ResolvedModelScript } from './script';
import type { Run } from './state';

interface SinkContext {
  res: ServerResponse;
  run: Run;
  /** The model name as the request spelled it; Ollama echoes it back. */
  model: string;
  script: ResolvedModelScript;
  signal: AbortSignal;
}

interface OllamaMessage {
  role: 'assistant';
  content: string;
  thinking?: string;
}

// gin's c.JSON content type; the NDJSON stream has no charset.
export const goJsonType = 'application/json; charset=utf-8';
const ndjsonType = 'application/x-ndjson';

/** NDJSON, one object per token; headers go out with the first line, as Ollama's do. */
export function ollamaStreamSink(context: SinkContext): StreamSink {
  const { res, model } = context;
  const write = recordWriter(res, context.script.splitUtf8, context.signal);
  const head = () => {
    if (!res.headersSent) res.writeHead(200, { 'Content-Type': ndjsonType });
  };
  const line = (value: unknown) => `${goJson(value)}\n`;
  const chunk = (message: OllamaMessage) => ({
    model,
    created_at: rfc3339Nano(now()),
    message,
    done: false,
  });

  return {
    open() {},
    keepAlive() {
      head();
      res.flushHeaders();
    },
    async token(token) {
      head();
      const message: OllamaMessage =
        token.channel === 'reasoning'
          ? { role: 'assistant', content: '', thinking: token.text }
          : { role: 'assistant', content: token.text };
      await write(line(chunk(message)));
    },
    malformed() {
      head();
      res.write(`${line(chunk({ role: 'assistant', content: '' })).slice(0, 48)}\n`);
    },
    finish(reason) {
      head();
      res.end(line(finalRecord(context, { role: 'assistant', content: '' }, reason)));
    },
    fail(message) {
      head();
      res.end(line({ error: message }));
    },
    truncate() {
      head();
      res.end();
    },
    drop() {
      dropConnection(res);
    },
  };
}

/** `stream: false`: one JSON object once generation is over. */
export function ollamaWholeSink(context: SinkContext): StreamSink {
  const { res } = context;
  let content = '';
  let thinking = '';
  let malformed = false;
  const body = (reason: FinishReason) => {
    const message: OllamaMessage = { role: 'assistant', content };
    if (thinking) message.thinking = thinking;
    return goJson(finalRecord(context, message, reason));
  };

  return {
    open() {},
    keepAlive() {
      if (!res.headersSent) res.writeHead(200, { 'Content-Type': goJsonType });
      res.flushHeaders();
    },
    async token(token) {
      if (token.channel === 'reasoning') thinking += token.text;
      else content += token.text;
    },
    malformed() {
      malformed = true;
    },
    finish(reason) {
      const text = body(reason);
      sendBody(res, 200, malformed ? text.slice(0, text.length >> 1) : text, goJsonType);
    },
    fail(message) {
      sendBody(res, 500, goJson({ error: message }), goJsonType);
    },
    truncate() {
      const text = body('stop');
      res.writeHead(200, { 'Content-Type': goJsonType });
      res.end(text.slice(0, text.length >> 1));
    },
    drop() {
      dropConnection(res);
    },
  };
}

/** The `done: true` record. Durations are nanoseconds; zero values are omitted, as Go does. */
function finalRecord(context: SinkContext, message: OllamaMessage, reason: FinishReason) {
  const { run, script } = context;
  const ns = (ms: number) => Math.round(ms * 1_000_000);
  const metrics: Record<string, number> = {
    total_duration: ns(now() - run.startedAt),
    // Split the configured TTFT between loading and prompt evaluation.
    load_duration: ns(script.ttftMs * 0.3),
    prompt_eval_count: run.promptTokens,
    prompt_eval_duration: ns(script.ttftMs * 0.7),
    eval_count: run.completionTokens,
    // Exactly the configured rate, as a real server's own clock would report it.
    eval_duration: ns((run.completionTokens * 1000) / script.tokensPerSecond),
  };
  for (const [key, value] of Object.entries(metrics)) if (value === 0) delete metrics[key];
  return {
    model: context.model,
    created_at: rfc3339Nano(now()),
    message,
    done_reason: reason,
    done: true,
    ...metrics,
  };
}
