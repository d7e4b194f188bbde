// The least a relay can do, as a process of its own: GET /relay?model=&prompt= streams that
// completion from the fake's OpenAI endpoint and writes each token to the client as one SSE
// event, at once. Nothing else: no database, no replay, no metrics, one client connection per
// stream. Scenario 4 runs it at the same load as the app, for the CPU a relayed token costs
// on this machine whatever the app does. Two kinds (argv[2]):
//   node    node:http both ways (upstream read with the bench's own SSE reader, lib/http.mjs)
//   openai  the official openai SDK reading upstream (its default fetch), node:http to the client
// Env: PORT, UPSTREAM (the fake's base URL ending in /v1).
import http from 'node:http';
import OpenAI from 'openai';
import { readSse } from './http.mjs';

const kind = process.argv[2];
if (kind !== 'node' && kind !== 'openai') throw new Error(`reference relay: unknown kind ${kind}`);
const upstream = process.env.UPSTREAM ?? '';
const client = new OpenAI({ baseURL: upstream, apiKey: 'none', maxRetries: 0 });

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} text
 */
const send = (res, text) => res.write(`data: ${JSON.stringify({ text })}\n\n`);

/**
 * @param {string} model
 * @param {string} prompt
 */
const completion = (model, prompt) => ({
  model,
  messages: [{ role: /** @type {const} */ ('user'), content: prompt }],
  stream: /** @type {const} */ (true),
});

/**
 * @param {string} model
 * @param {string} prompt
 * @param {import('node:http').ServerResponse} res
 */
async function relayWithNode(model, prompt, res) {
  await readSse(`${upstream}/chat/completions`, {
    body: completion(model, prompt),
    onFrame(frame) {
      if (frame.data === '[DONE]') return;
      const text = JSON.parse(frame.data).choices?.[0]?.delta?.content;
      if (text) send(res, text);
    },
  });
  res.end();
}

/**
 * @param {string} model
 * @param {string} prompt
 * @param {import('node:http').ServerResponse} res
 */
async function relayWithOpenAI(model, prompt, res) {
  const stream = await client.chat.completions.create(completion(model, prompt));
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (text) send(res, text);
  }
  res.end();
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://relay');
  if (url.pathname === '/health') {
    res.end('ok');
    return;
  }
  const model = url.searchParams.get('model') ?? '';
  const prompt = url.searchParams.get('prompt') ?? '';
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const relay = kind === 'node' ? relayWithNode : relayWithOpenAI;
  relay(model, prompt, res).catch(() => res.destroy());
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
