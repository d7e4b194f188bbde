// Scenario 3: a 3-slot turn against three fake models (one per backend kind: Ollama NDJSON,
// vLLM SSE, DeepSeek SSE) must finish within 5% of its slowest slot run alone.
// "Alone": a conversation can't have one slot, so the slowest model goes first in a
// one-at-a-time ("sequential") turn and is timed to its own `done`, with nothing else running.
import { createConversation, runTurn } from '../lib/clients.mjs';
import { fetchRuns, scriptModel } from '../lib/fakes.mjs';
import { summary } from '../lib/stats.mjs';
import { compareText, numberedAnswer } from '../lib/tokens.mjs';
import { le } from './latency.mjs';

/** @type {Array<{ kind: 'ollama' | 'openai' | 'deepseek', id: string, tokensPerSecond: number, ttftMs: number, tokens: number }>} */
const MODELS = [
  { kind: 'ollama', id: 'bench-fan-ollama', tokensPerSecond: 40, ttftMs: 150, tokens: 80 },
  { kind: 'openai', id: 'bench-fan-vllm', tokensPerSecond: 30, ttftMs: 200, tokens: 60 },
  { kind: 'deepseek', id: 'bench-fan-deepseek', tokensPerSecond: 20, ttftMs: 300, tokens: 50 },
];
const SLOWEST = MODELS[2];

/**
 * Runs one turn and times each message from the POST to its `done`.
 * @param {string} appUrl
 * @param {Array<{ backendId: string, model: string }>} lineup
 * @param {'parallel' | 'sequential'} runMode
 * @param {string} prompt
 */
async function timedTurn(appUrl, lineup, runMode, prompt) {
  const conversation = await createConversation(appUrl, lineup, runMode);
  const { streams, sentAt } = await runTurn(appUrl, conversation.id, prompt);
  const exact = streams.every((stream, slot) => {
    const model = MODELS.find((m) => m.id === lineup[slot]?.model);
    const text = stream.pieces.map((piece) => piece.text).join('');
    return model !== undefined && compareText(text, numberedAnswer(model.tokens)).exact;
  });
  return { streams, exact, sentAt };
}

/** @param {import('../run.mjs').Context} ctx */
export async function fanoutScenario(ctx) {
  if (!SLOWEST) throw new Error('no models');
  for (const model of MODELS) {
    await scriptModel(ctx.fakeUrls, model.kind, {
      id: model.id,
      tokensPerSecond: model.tokensPerSecond,
      ttftMs: model.ttftMs,
      answer: numberedAnswer(model.tokens),
    });
  }
  const all = MODELS.map((m) => ({ backendId: m.kind, model: m.id }));
  const aloneLineup = [
    { backendId: SLOWEST.kind, model: SLOWEST.id },
    { backendId: 'ollama', model: 'bench-fan-ollama' },
  ];
  const rounds = ctx.quick ? 2 : 6;
  /** @type {number[]} */
  const alone = [];
  /** @type {number[]} */
  const fanout = [];
  /** @type {number[]} */
  const ratios = [];
  let exact = 0;
  await timedTurn(ctx.appUrl, all, 'parallel', 'fan-out warm-up');
  for (let round = 0; round < rounds; round++) {
    const solo = await timedTurn(ctx.appUrl, aloneLineup, 'sequential', `fan-out alone ${round}`);
    const soloMs = (solo.streams[0]?.doneAt ?? Number.NaN) - solo.sentAt;
    const fan = await timedTurn(ctx.appUrl, all, 'parallel', `fan-out ${round}`);
    const fanMs = Math.max(...fan.streams.map((s) => s.doneAt ?? Number.NaN)) - fan.sentAt;
    alone.push(soloMs);
    fanout.push(fanMs);
    ratios.push(fanMs / soloMs);
    if (solo.exact && fan.exact) exact += 1;
  }

  // Parallel means the three upstream requests left together: spread of their start times.
  const runs = (
    await Promise.all(MODELS.map((model) => fetchRuns(ctx.fakeUrls, model.kind)))
  ).flat();
  /** @type {number[]} */
  const spread = [];
  for (let round = 0; round < rounds; round++) {
    const starts = runs
      .filter((run) => run.request?.messages?.at(-1)?.content === `fan-out ${round}`)
      .map((run) => run.startedAt);
    if (starts.length === 3) spread.push(Math.max(...starts) - Math.min(...starts));
  }
  const ratio = summary(ratios.map((r) => (r - 1) * 100));
  return {
    id: '3',
    title: 'Fan-out: 3-slot turn vs its slowest slot alone',
    runs: rounds,
    rows: [
      { metric: 'slowest slot alone, POST → done (ms)', summary: summary(alone) },
      { metric: '3-slot turn, POST → last done (ms)', summary: summary(fanout) },
      { metric: '3-slot turn over slowest alone (%)', summary: ratio },
      { metric: 'spread of the 3 upstream request starts (ms)', summary: summary(spread) },
    ],
    targets: [
      {
        name: '3-slot turn within 5% of the slowest slot alone (p95)',
        value: ratio.p95 === null ? null : `+${ratio.p95}%`,
        met: le(ratio.p95, 5),
      },
    ],
    notes: [
      `Models: ${MODELS.map((m) => `${m.id} (${m.kind}, ${m.tokens} tokens at ${m.tokensPerSecond} tok/s, TTFT ${m.ttftMs} ms)`).join('; ')}.`,
      `Answers exact in ${exact}/${rounds} rounds. The slowest alone is timed as the first slot of a one-at-a-time turn.`,
    ],
  };
}
