// Scenario 7: the leaderboard's ratings (lib/arena/ratings.ts) on 100,000 synthetic votes with
// 1,000 bootstrap rounds, plain and style-controlled: the time of computeRatings, and of
// computeRatingsAsync (what the page awaits) with the longest stretch the event loop waited
// meanwhile. Needs neither the app nor the fakes: `node bench/scenarios/leaderboard.mjs` runs it
// alone. The measuring runs in a child process (bench/lib/leaderboard-measure.mjs, under tsx), so
// that it loads the TypeScript as it is and starts from a cold process as a server would.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { root } from '../../scripts/lib.mjs';
import { summary } from '../lib/stats.mjs';

const VOTES = 100_000;
const ROUNDS = 1000;
const LIMIT_MS = 2000;

/**
 * @typedef {{ ms: number, cpuMs: number }} SyncRun
 * @typedef {{ ms: number, cpuMs: number, longestBlockMs: number, turns: number }} AsyncRun
 * @typedef {{ votes: number, models: number, rounds: number, runs: number, generateMs: number,
 *   results: Record<'plain' | 'style', { sync: SyncRun[], async: AsyncRun[], top: unknown }> }} Measured
 */

/** @param {number} runs @returns {Measured} */
function measure(runs) {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/lib/leaderboard-measure.mjs',
      String(VOTES),
      String(ROUNDS),
      String(runs),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  return JSON.parse(out);
}

const round = (/** @type {number} */ ms) => Math.round(ms);

/** @param {{ quick?: boolean }} [ctx] @returns {Promise<import('../run.mjs').ScenarioResult>} */
export async function leaderboardScenario(ctx = {}) {
  const runs = ctx.quick ? 2 : 5;
  const load = os.loadavg()[0]?.toFixed(2);
  const measured = measure(runs);
  const label = { plain: 'plain', style: 'style-controlled' };
  /** @type {Array<Record<string, any>>} */
  const rows = [];
  /** @type {NonNullable<import('../run.mjs').ScenarioResult['targets']>} */
  const targets = [];
  for (const kind of /** @type {const} */ (['plain', 'style'])) {
    const { sync, async } = measured.results[kind];
    const slowest = Math.max(...sync.map((run) => run.ms), ...async.map((run) => run.ms));
    rows.push(
      { metric: `computeRatings, ${label[kind]} (ms)`, summary: summary(sync.map((r) => r.ms)) },
      { metric: `  its CPU time (ms)`, summary: summary(sync.map((r) => r.cpuMs)) },
      {
        metric: `computeRatingsAsync, ${label[kind]} (ms)`,
        summary: summary(async.map((r) => r.ms)),
      },
      {
        metric: `  longest event-loop block meanwhile (ms)`,
        summary: summary(async.map((r) => r.longestBlockMs)),
      },
      {
        metric: `  event-loop turns meanwhile`,
        summary: summary(async.map((r) => r.turns)),
      },
    );
    targets.push(
      {
        name: `${label[kind]} ratings, 100,000 votes × 1,000 rounds, < 2 s (slowest run, first included)`,
        value: `${round(slowest)} ms (first run ${round(sync[0]?.ms ?? 0)} ms)`,
        met: slowest < LIMIT_MS,
      },
      {
        name: `event loop free while computing ${label[kind]} ratings (longest block, async)`,
        value: `${round(Math.max(...async.map((r) => r.longestBlockMs)))} ms`,
        met: 'none',
      },
    );
  }
  return {
    id: '7',
    title: 'Leaderboard (Bradley–Terry, 1,000 bootstrap rounds, 100,000 votes)',
    runs,
    rows,
    targets,
    notes: [
      `${measured.votes.toLocaleString('en-US')} synthetic votes (lib/arena/synthetic-votes.ts: ${measured.models} models, one vote per battle, ties, a planted length preference) made in ${round(measured.generateMs)} ms, not counted. Each figure: ${runs} runs in one fresh process, the first one cold (V8 has not optimised the code yet); sync runs first, then async.`,
      'computeRatingsAsync works in slices of ~8 ms and lets the event loop run between them; the longest block is the longest gap between two turns of a setImmediate chain running beside it, so on a busy machine it includes time the process was not on a core at all (compare wall and CPU time).',
      `Load average when the scenario started: ${load} on ${os.cpus().length} cores.`,
    ],
    data: measured,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const result = await leaderboardScenario({ quick });
  const { data, ...shown } = result;
  console.log(JSON.stringify(shown, null, 2));
}
