// `npm run bench`: builds if needed, starts the fake backends and the production app on a fresh
// SQLite file, runs every scenario of issue 4 and writes bench/results/latest.{json,md,svg}.
// Options: --quick (small samples, for working on the bench), --no-build (serve the existing
// .next as it is), --only=1,2,4 (some scenarios), --levels=150,300 (scenario 4's stream counts). Loopback only; everything is stopped at the end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ensureInstalled, root } from '../scripts/lib.mjs';
import { writeReport } from './lib/report.mjs';
import { startApp, startFakes } from './lib/stack.mjs';
import { concurrencyScenario } from './scenarios/concurrency.mjs';
import { databaseScenario } from './scenarios/database.mjs';
import { fanoutScenario } from './scenarios/fanout.mjs';
import { gateScenario } from './scenarios/gate.mjs';
import { latencyScenarios } from './scenarios/latency.mjs';
import { leaderboardScenario } from './scenarios/leaderboard.mjs';
import { multiInstanceScenario } from './scenarios/multi-instance.mjs';
import { pageWeightScenario } from './scenarios/page-weight.mjs';
import { suitesScenario } from './scenarios/suites.mjs';

/**
 * @typedef {{ appUrl: string, appPid: number, fakesPid: number,
 *   fakeUrls: import('./lib/fakes.mjs').FakeUrls, quick: boolean, levels?: number[],
 *   shared: Record<string, unknown> }} Context
 * @typedef {{ id: string, title: string, skipped?: string, runs?: number,
 *   rows?: Array<Record<string, any>>, targets?: Array<{ name: string, value: unknown,
 *   met: boolean | null | 'none' }>, notes?: string[], data?: unknown }} ScenarioResult
 */

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = [...args]
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (/** @type {string} */ id) => !only || only.includes(id);
const levels = [...args]
  .find((arg) => arg.startsWith('--levels='))
  ?.slice('--levels='.length)
  .split(',')
  .map(Number);

/** In run order; the database scenario seeds the long conversation the page scenario opens. */
const scenarios = [
  { ids: ['1', '2'], run: latencyScenarios },
  { ids: ['3'], run: fanoutScenario },
  { ids: ['4'], run: concurrencyScenario },
  { ids: ['10'], run: multiInstanceScenario },
  { ids: ['6'], run: databaseScenario },
  { ids: ['5'], run: pageWeightScenario },
  { ids: ['7'], run: leaderboardScenario },
  { ids: ['8'], run: gateScenario },
  { ids: ['9'], run: suitesScenario },
];

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** What was measured: the commit, and whether the working tree differed from it. */
function source() {
  if (process.env.BENCH_SOURCE) return process.env.BENCH_SOURCE;
  try {
    const git = (/** @type {string[]} */ ...a) =>
      execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain').split('\n').filter(Boolean).length;
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ` + ${changed} uncommitted changes` : ''}`;
  } catch {
    return 'not a git checkout';
  }
}

async function main() {
  ensureInstalled();
  if (args.has('--no-build')) {
    if (!existsSync(join(root, '.next/BUILD_ID'))) throw new Error('--no-build: no .next build');
  } else {
    ensureBuilt();
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const startedAt = new Date();
  const loadBefore = uptime();
  console.log(`bench: ${quick ? 'quick' : 'full'} run; ${loadBefore}`);

  /** @type {Array<{ stop: () => Promise<void> }>} */
  const stack = [];
  /** @type {ScenarioResult[]} */
  const results = [];
  const stopAll = async () => {
    for (const part of stack.reverse()) await part.stop();
    stack.length = 0;
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  }
  try {
    const fakes = await startFakes();
    stack.push(fakes);
    const app = await startApp(fakes.urls);
    stack.push(app);
    /** @type {Context} */
    const ctx = {
      appUrl: app.url,
      appPid: app.pid,
      fakesPid: fakes.pid,
      fakeUrls: fakes.urls,
      quick,
      levels,
      shared: {},
    };
    for (const scenario of scenarios) {
      if (!scenario.ids.some(wanted)) continue;
      const began = performance.now();
      console.log(`bench: scenario ${scenario.ids.join('+')}…`);
      try {
        const produced = await scenario.run(ctx);
        results.push(...(Array.isArray(produced) ? produced : [produced]));
      } catch (error) {
        console.error(error);
        results.push({ id: scenario.ids.join('+'), title: 'failed', skipped: `error: ${error}` });
      }
      console.log(
        `bench: scenario ${scenario.ids.join('+')} took ${seconds(began)} s; ${uptime()}`,
      );
    }
  } finally {
    await stopAll();
  }

  const report = {
    startedAt: startedAt.toISOString(),
    mode: quick ? 'quick' : 'full',
    source: source(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadBefore,
      loadAfter: uptime(),
    },
    scenarios: results.sort((a, b) => a.id.localeCompare(b.id)),
  };
  const out = writeReport(join(root, 'bench/results'), report);
  console.log(`bench: wrote ${out.join(', ')}`);
  const missed = results.flatMap((r) =>
    (r.targets ?? []).filter((t) => t.met === false).map((t) => t.name),
  );
  console.log(
    missed.length ? `bench: targets missed: ${missed.join('; ')}` : 'bench: every target met',
  );
}

/** @param {number} since performance.now() value */
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
