// Scenario 10: scenario 4's streams (300 by default) through nginx over two instances of the app
// on PostgreSQL (lib/multi-stack.mjs), beside scenario 4's figures for one instance on SQLite at
// the same level when both run (`--only=4,10 --levels=300`).
import { startMultiInstance } from '../lib/multi-stack.mjs';
import { startUsage } from '../lib/proc.mjs';
import { runLevel, scriptConcurrencyModels } from './concurrency.mjs';

/** @param {import('../run.mjs').Context} ctx */
export async function multiInstanceScenario(ctx) {
  const level = ctx.levels?.at(-1) ?? (ctx.quick ? 30 : 300);
  const directCount = ctx.quick ? 4 : 10;
  const answer = await scriptConcurrencyModels(ctx);
  const stack = await startMultiInstance(ctx.fakeUrls);
  try {
    const multi = { ...ctx, appUrl: stack.url, appPids: stack.instancePids };
    // Uncounted: the instances have just started, and their first streams run code V8 has not
    // optimized yet (scenario 4's app has served scenarios before it by then).
    await runLevel(multi, Math.min(level, 30), 2, answer);
    const nginxUsage = startUsage(stack.nginxPid);
    const postgresUsage = startUsage(stack.postgresPid);
    const result = await runLevel(multi, level, directCount, answer);
    const nginx = nginxUsage.stop();
    const postgres = postgresUsage.stop();
    /** @type {any[]} */
    const single = /** @type {any} */ (ctx.shared.concurrencyLevels ?? []);
    const alone = single.find((r) => r.streams === result.streams);
    const row = (/** @type {string} */ setup, /** @type {any} */ r, /** @type {string} */ extra) =>
      `| ${setup} | ${r.streams} | ${r.lost} / ${r.reordered} / ${r.extraWords}; ${r.extraSnapshots} | ${r.persisted}/${r.streams} | ${r.app.cores} | ${extra} | ${r.cpuPerTokenMs} / ${r.steadyCpuPerTokenMs ?? '–'} | ${r.app.peakRssMb} | ${r.added.p50} / ${r.added.p95} / ${r.added.p99} | ${r.ttft.app.p95} / ${r.ttft.direct.p95} | ${r.clumpedStreams} | ${r.app.machineCores} |`;
    const table = [
      '| set-up | streams | lost / reordered / extra words; snapshots after the first | persisted complete | app CPU (cores, mean, all instances) | nginx / PostgreSQL CPU (cores) | app CPU per token, all-in / steady (ms) | app peak RSS (MB, all instances) | added per-token p50 / p95 / p99 (ms) | TTFT p95, Versus / direct (ms) | streams > 5% clumped | machine busy (cores) |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...(alone ? [row('one instance, SQLite (scenario 4)', alone, '–')] : []),
      row('two instances, PostgreSQL, nginx', result, `${nginx.cores} / ${postgres.cores}`),
      '',
      '| two instances: the event stream read from | tokens | added per-token p50 / p95 / p99 (ms) |',
      '|---|---|---|',
      .../** @type {const} */ (['same', 'other']).map((side) => {
        const split = result.addedByInstance[side];
        const figures = [split.p50, split.p95, split.p99].map((value) => value ?? '–').join(' / ');
        return `| ${side === 'same' ? 'the instance running the message' : 'the other instance (relayed through PostgreSQL)'} | ${result.addedByInstance.tokens[side]} | ${figures} |`;
      }),
    ];
    console.log(
      `bench:   ${result.streams} streams over two instances: ${result.app.cores} cores (nginx ${nginx.cores}, PostgreSQL ${postgres.cores}), p95 added ${result.added.p95} ms`,
    );
    return {
      id: '10',
      title: `Two instances on PostgreSQL behind nginx: ${result.streams} streams at 20 tokens/s`,
      runs: 1,
      rows: [
        {
          metric: `${result.streams} streams over two instances, token arrival − fake emit (ms)`,
          app: result.lateness.app,
          direct: result.lateness.direct,
          added: result.added,
        },
      ],
      table,
      targets: [
        {
          name: 'zero lost or reordered tokens; every message persisted complete',
          value: `${result.lost}/${result.reordered}/${result.persisted}`,
          met: result.lost === 0 && result.reordered === 0 && result.persisted === result.streams,
        },
      ],
      notes: [
        'Scenario 4’s conversations, models and ramp, sent to nginx (deploy/nginx.conf, round-robin) in front of two instances of the production app on one PostgreSQL 15 (a fresh cluster in a temp folder, fsync off, as the tests run it); each turn’s POST and its event stream may land on different instances.',
        'Each turn’s POST and its event stream go through nginx separately, so round-robin puts about half the streams on the instance that does not run the message: that one gets the tokens from the other over PostgreSQL (LISTEN/NOTIFY). The second table splits the tokens by the instance the stream was read from (nginx names it in a header).',
        'Before the counted level, an uncounted one of up to 30 streams warms the new instances up.',
        'App CPU and RSS: both instances’ process trees added up; nginx and PostgreSQL (the postmaster and its backends) apart, over the whole level including the conversations’ creation.',
      ],
      data: { level: result, nginx, postgres },
    };
  } finally {
    await stack.stop();
  }
}
