// Scenario 9: a prompt suite of 50 prompts run over a lineup of 4 models against the fakes (200
// answers, every model in parallel per item), then its results grid: the run's wall time and
// per-item pace, every cell filled, and the grid page's and its JSON's server response times and
// size, with the page's first-load JavaScript.
import { scriptModel } from '../lib/fakes.mjs';
import { request, timeGets } from '../lib/http.mjs';
import { now, sleep, summary } from '../lib/stats.mjs';
import { pageWeight } from './page-weight.mjs';

const PROMPTS = 50;
const KINDS = /** @type {const} */ (['ollama', 'ollama', 'openai', 'deepseek']);
/** About 60 tokens: the answer to a word problem, boxed. */
const ANSWER = `${'Let us count heads and legs step by step. '.repeat(6)}So \\boxed{12} chickens and \\boxed{13} rabbits.`;

/** @param {import('../run.mjs').Context} ctx @returns {Promise<import('../run.mjs').ScenarioResult>} */
export async function suitesScenario(ctx) {
  const models = KINDS.map((kind, index) => ({
    kind,
    id: `suite-bench-${index}-${Date.now().toString(36)}`,
  }));
  for (const model of models) {
    await scriptModel(ctx.fakeUrls, model.kind, {
      id: model.id,
      tokensPerSecond: 2000,
      ttftMs: 5,
      answer: ANSWER,
    });
  }
  await request(`${ctx.appUrl}/api/backends?fresh=1`);
  const created = await request(`${ctx.appUrl}/api/suites`, {
    body: {
      name: 'Bench battery',
      prompts: Array.from({ length: PROMPTS }, (_, index) => ({
        title: `Cage ${index + 1}`,
        prompt: `Cage ${index + 1}: 25 heads, 76 legs. How many chickens and rabbits?`,
        check:
          index % 5 === 4
            ? { kind: 'manual' }
            : { kind: 'number', expected: [12, 13], tolerance: 0 },
      })),
    },
  });
  if (created.status !== 201) throw new Error(`create suite: ${created.status} ${created.text}`);
  const started = now();
  const run = await request(`${ctx.appUrl}/api/suites/${created.json.suite.id}/runs`, {
    body: {
      lineup: models.map((model) => ({ backendId: model.kind, model: model.id })),
      runMode: 'parallel',
    },
  });
  if (run.status !== 201) throw new Error(`start run: ${run.status} ${run.text}`);
  const id = run.json.run.id;
  let view;
  for (;;) {
    view = (await request(`${ctx.appUrl}/api/suite-runs/${id}`)).json.run;
    if (view.status === 'done') break;
    if (now() - started > 600_000)
      throw new Error(`suite run stuck at ${JSON.stringify(view.progress)}`);
    await sleep(250);
  }
  const wallMs = now() - started;
  const cells = view.items.flatMap((/** @type {any} */ item) => item.cells);
  const filled = cells.filter((/** @type {any} */ cell) => cell.verdict !== null).length;
  const samples = ctx.quick ? 10 : 30;
  const page = await timeGets(`${ctx.appUrl}/suites/runs/${id}`, samples, { accept: 'text/html' });
  const json = await timeGets(`${ctx.appUrl}/api/suite-runs/${id}`, samples);
  const weight = await pageWeight(ctx.appUrl, `/suites/runs/${id}`);
  const pageSummary = summary(page.times);
  return {
    id: '9',
    title: `Prompt suite: ${PROMPTS} prompts × ${models.length} models (${cells.length} answers) against the fakes, and its results grid`,
    rows: [
      { metric: 'run wall time, start to last verdict (s)', value: Math.round(wallMs / 100) / 10 },
      { metric: 'per item, all 4 models in parallel (ms)', value: Math.round(wallMs / PROMPTS) },
      { metric: 'cells with a verdict', value: `${filled} / ${cells.length}` },
      {
        metric: `grid page /suites/runs/:id, server response (ms), ${page.kb} KB HTML`,
        summary: pageSummary,
      },
      { metric: `GET /api/suite-runs/:id (ms), ${json.kb} KB`, summary: summary(json.times) },
      {
        metric: `grid page first-load JS gzipped (KB), ${weight.scripts} scripts`,
        value: weight.gzipKb,
      },
    ],
    targets: [
      {
        name: `every cell of the ${cells.length} filled`,
        value: `${filled} / ${cells.length}`,
        met: filled === cells.length,
      },
      {
        name: 'grid of 200 cells: server response p95 < 500 ms',
        value: `${pageSummary.p95} ms`,
        met: pageSummary.p95 < 500,
      },
      {
        name: 'grid page first-load JS ≤ 180 KB gzipped',
        value: `${weight.gzipKb} KB`,
        met: weight.gzipKb <= 180,
      },
    ],
  };
}
