// Scenario 4: 50, 150 and 300 simultaneous streams at 20 tokens/s. Five-slot conversations
// (a turn waits for the previous one, so each stream set needs its own conversations); turns
// start spread over one second, as users would, not all in the same millisecond. A few direct
// streams run alongside at each level: the floor under the same machine load.
import { createConversation, directStream, runTurn } from '../lib/clients.mjs';
import { fetchRuns, scriptModel } from '../lib/fakes.mjs';
import { request } from '../lib/http.mjs';
import { cpuMs, startUsage, treePids } from '../lib/proc.mjs';
import { added, now, pool, sleep, summary } from '../lib/stats.mjs';
import { analyzeStream, indexRuns, numberedAnswer } from '../lib/tokens.mjs';
import { le } from './latency.mjs';
import { measureReferenceRelay, REFERENCE_KINDS } from './reference-relays.mjs';

const SLOTS = 5;
export const MODELS = Array.from({ length: SLOTS }, (_, i) => `bench-conc-${i}`);
const TOKENS_PER_SECOND = 20;
const TTFT_MS = 300;
const RAMP_MS = 1000;
/**
 * The slots of a turn start together; without an offset their tokens would reach the app in the
 * same instant every time, and share writes far more often than real backends' tokens do.
 */
const PHASE_MS = 1000 / TOKENS_PER_SECOND / SLOTS;
/** Short and fast: warms up the reference relays before they are measured. */
const WARM_UP_MODEL = 'bench-conc-warm-up';

/**
 * Scripts the five models (and the relays' warm-up one) on the fake; returns their answer.
 * @param {import('../run.mjs').Context} ctx
 */
export async function scriptConcurrencyModels(ctx) {
  const answer = numberedAnswer(ctx.quick ? 60 : 200);
  for (const [slot, id] of MODELS.entries()) {
    await scriptModel(ctx.fakeUrls, 'openai', {
      id,
      tokensPerSecond: TOKENS_PER_SECOND,
      ttftMs: TTFT_MS + slot * PHASE_MS,
      answer,
    });
  }
  await scriptModel(ctx.fakeUrls, 'openai', {
    id: WARM_UP_MODEL,
    tokensPerSecond: 1000,
    ttftMs: 0,
    answer: numberedAnswer(50),
  });
  return answer;
}

/** @param {import('../run.mjs').Context} ctx */
export async function concurrencyScenario(ctx) {
  const levels = ctx.levels ?? (ctx.quick ? [10, 30] : [50, 150, 300]);
  const directCount = ctx.quick ? 4 : 10;
  const answer = await scriptConcurrencyModels(ctx);
  /** @type {Array<Awaited<ReturnType<typeof runLevel>> & { reference: Awaited<ReturnType<typeof runReferences>> }>} */
  const results = [];
  for (const level of levels) {
    const result = await runLevel(ctx, level, directCount, answer);
    results.push({ ...result, reference: await runReferences(ctx, level, answer) });
  }
  // Scenario 10 shows two instances on PostgreSQL beside these.
  ctx.shared.concurrencyLevels = results;

  // The issue sets the latency and clump targets at 150 streams and the CPU and memory ones at
  // 300; with other --levels, the middle and the highest level stand in for them.
  const top = results.find((r) => r.streams === 300) ?? results.at(-1);
  const mid = results.find((r) => r.streams === 150) ?? results[Math.min(1, results.length - 1)];
  const table = [
    '| streams | lost | reordered | persisted complete | app CPU (cores, mean) | CPU per token, all-in / steady (ms) | reference relays, all-in / steady (ms): node:http; openai SDK | floor per token: fakes (write only) / bench client (read only) (ms) | peak RSS (MB) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.streams} | ${r.lost} | ${r.reordered} | ${r.persisted}/${r.streams} | ${r.app.cores} | ${r.cpuPerTokenMs} / ${r.steadyCpuPerTokenMs ?? '–'} | ${r.reference.map((ref) => `${ref.cpuPerTokenMs} / ${ref.steadyCpuPerTokenMs ?? '–'}`).join('; ')} | ${r.floorUs.fakes / 1000} / ${r.floorUs.client / 1000} | ${r.app.peakRssMb} |`,
    ),
    '',
    '| streams | added per-token p50 / p95 / p99 (ms) | TTFT p95, Versus / direct (ms) | tokens sent before the client subscribed | streams > 5% clumped; worst stream; largest clump (tokens) | app main thread running / waiting for a CPU (% of wall) | machine busy (cores, all processes) | fakes / bench client CPU (cores) |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.streams} | ${r.added.p50} / ${r.added.p95} / ${r.added.p99} | ${r.ttft.app.p95} / ${r.ttft.direct.p95} | ${r.fromSnapshot} | ${r.clumpedStreams}; ${r.clumpedShare.max}%; ${r.largestClump} | ${pct(r.app.mainThreadMs, r.app.wallMs)} / ${pct(r.app.runQueueWaitMs, r.app.wallMs)} | ${r.app.machineCores} | ${r.fakes.cores} / ${r.clientCores} |`,
    ),
  ];
  const clean = results.every(
    (r) => r.lost === 0 && r.reordered === 0 && r.persisted === r.streams,
  );
  const sdkRelay = (/** @type {(typeof results)[number]} */ r) =>
    r.reference.find((ref) => ref.kind === 'openai');
  return {
    id: '4',
    title: 'Concurrency: simultaneous streams at 20 tokens/s',
    runs: 1,
    rows: results.flatMap((r) => [
      {
        metric: `${r.streams} streams, token arrival − fake emit (ms)`,
        app: r.lateness.app,
        direct: r.lateness.direct,
        added: r.added,
      },
    ]),
    table,
    targets: [
      {
        name: 'zero lost or reordered tokens; every message persisted complete',
        value: results
          .map((r) => `${r.streams}: ${r.lost}/${r.reordered}/${r.persisted}`)
          .join(', '),
        met: clean,
      },
      {
        name: `app CPU at ${top?.streams} streams under one core (mean)`,
        value: top?.app.cores ?? null,
        met: (top?.app.cores ?? 2) < 1,
      },
      {
        name: `peak RSS at ${top?.streams} streams ≤ 400 MB`,
        value: top?.app.peakRssMb ?? null,
        met: le(top?.app.peakRssMb ?? null, 400),
      },
      ...results.map((r) => ({
        name: `CPU per relayed token ≤ 0.15 ms (${r.streams} streams; all-in, steady state)`,
        value: `${r.cpuPerTokenMs}, ${r.steadyCpuPerTokenMs ?? '–'} (openai SDK relay: ${sdkRelay(r)?.cpuPerTokenMs}, ${sdkRelay(r)?.steadyCpuPerTokenMs ?? '–'})`,
        met: le(r.cpuPerTokenMs, 0.15),
      })),
      {
        name: `added per-token p95 ≤ 25 ms at ${mid?.streams} streams`,
        value: mid?.added.p95 ?? null,
        met: le(mid?.added.p95 ?? null, 25),
      },
      {
        name: `no stream arrives in clumps at ${mid?.streams} streams (≤ 5% of its tokens clumped)`,
        value: mid?.clumpedStreams ?? null,
        met: mid?.clumpedStreams === 0,
      },
      {
        name: 'streams arriving in clumps at each level',
        value: results.map((r) => `${r.streams}: ${r.clumpedStreams}`).join(', '),
        met: 'none',
      },
    ],
    notes: [
      `${SLOTS}-slot conversations; ${answer.split(' ').length} tokens per stream at ${TOKENS_PER_SECOND} tok/s, fake TTFT ${TTFT_MS} ms plus ${PHASE_MS} ms per slot (so a turn's five streams are out of phase, as different models are); turns started evenly over ${RAMP_MS} ms; ${directCount} direct streams alongside at each level.`,
      'CPU: utime+stime of the app’s process tree from /proc, over the level (first POST to last done + 0.5 s), divided by wall time. Per token, all-in: that CPU time over every token relayed (turn creation, connections and final writes included); steady: CPU while every stream flows (1 s after the last turn started to 0.5 s before the first ends) over the tokens that arrived meanwhile. RSS: sum over the tree, sampled every 100 ms.',
      'Main thread: CPU time of the app’s JavaScript thread (/proc/<pid>/task/<pid>/stat) and its run-queue wait (/proc/<pid>/schedstat), as shares of wall time; when they add up to nearly 100% the one thread that relays every token is saturated, and waiting means other processes held the cores.',
      'The fakes and this client share the same 2 cores; their CPU is in the table.',
      `Reference relays: right after each level, the same streams (same models, same ramp) through a relay that does only that, in a process of its own (bench/lib/reference-relay.mjs): each token read from the fake and written at once as one SSE event, one client connection per stream, no database. One in node:http alone, one on the official openai SDK. Their CPU per token is measured as the app's; what the app spends beyond the SDK relay pays for persistence, replay after a reconnect, live metrics and one connection per turn.`,
      'Floor per token: the fakes’ CPU, and this client’s, over every token they wrote or read at that level (through Versus and direct): a Node process doing one half of what Versus does for each token, at the same load. Versus reads each token from a socket and writes it to another.',
    ],
    data: { levels: results },
  };
}

/**
 * One level's streams through `ctx.appUrl`; CPU and memory of `appPids` (the app's instances;
 * `ctx.appPid` when absent).
 * @param {import('../run.mjs').Context & { appPids?: number[] }} ctx
 * @param {number} level
 * @param {number} directCount
 * @param {string} answer
 */
export async function runLevel(ctx, level, directCount, answer) {
  const appPids = ctx.appPids ?? [ctx.appPid];
  const lineup = MODELS.map((model) => ({ backendId: 'openai', model }));
  const count = Math.ceil(level / SLOTS);
  const conversations = await pool(
    8,
    Array.from({ length: count }, () => () => createConversation(ctx.appUrl, lineup)),
  );
  await sleep(500);
  const appUsage = startUsage(appPids);
  const fakesUsage = startUsage(ctx.fakesPid);
  const clientStart = process.cpuUsage();
  const clientWall = performance.now();
  const steady = steadyWindow(appPids, answer.split(' ').length);
  const turns = conversations.map(async (conversation, i) => {
    await sleep((i * RAMP_MS) / count);
    const prompt = `concurrency ${level} #${i}`;
    return { prompt, conversation, turn: await runTurn(ctx.appUrl, conversation.id, prompt) };
  });
  const directs = Array.from({ length: directCount }, async (_, i) => {
    await sleep((i * RAMP_MS) / directCount);
    const prompt = `concurrency ${level} direct #${i}`;
    return { prompt, stream: await directStream(ctx.fakeUrls.openai, MODELS[0] ?? '', prompt) };
  });
  const [app, direct] = await Promise.all([Promise.all(turns), Promise.all(directs)]);
  await sleep(500);
  const appStats = appUsage.stop();
  const fakesStats = fakesUsage.stop();
  const clientCpu = process.cpuUsage(clientStart);
  const clientCores = (clientCpu.user + clientCpu.system) / 1000 / (performance.now() - clientWall);

  const runOf = indexRuns(await fetchRuns(ctx.fakeUrls, 'openai'));
  const lateness = { app: /** @type {number[]} */ ([]), direct: /** @type {number[]} */ ([]) };
  const ttft = { app: /** @type {number[]} */ ([]), direct: /** @type {number[]} */ ([]) };
  let lost = 0;
  let reordered = 0;
  let clumpedStreams = 0;
  let largestClump = 1;
  /** @type {number[]} */
  const clumpedShare = [];
  let fromSnapshot = 0;
  let relayed = 0;
  // Behind nginx: streams read from the instance that runs them, and from the other one.
  const byInstance = { same: /** @type {number[]} */ ([]), other: /** @type {number[]} */ ([]) };
  // A snapshot replaces what the client has; more than one per stream, or words beyond the
  // answer, show text sent twice.
  let extraSnapshots = 0;
  let extraWords = 0;
  for (const { prompt, turn } of app) {
    turn.streams.forEach((stream, slot) => {
      const model = MODELS[slot] ?? '';
      const run = runOf(model, prompt);
      if (!run) throw new Error(`no fake run for ${model} "${prompt}"`);
      const result = analyzeStream(stream, run, answer);
      lost += result.lost;
      reordered += result.reordered;
      extraWords += result.extra;
      extraSnapshots += Math.max(0, (stream.eventTypes.snapshot ?? 0) - 1);
      relayed += result.arrived;
      fromSnapshot += result.fromSnapshot;
      if (result.clumped > 0.05 * result.tokens) clumpedStreams += 1;
      clumpedShare.push((100 * result.clumped) / result.tokens);
      largestClump = Math.max(largestClump, result.largestClump);
      lateness.app.push(...result.lateness);
      if (turn.upstream && stream.upstream) {
        byInstance[turn.upstream === stream.upstream ? 'same' : 'other'].push(...result.lateness);
      }
      // Less the slot's phase offset, to compare with the direct streams (slot 0's model).
      if (result.ttftMs !== null) ttft.app.push(result.ttftMs - slot * PHASE_MS);
    });
  }
  let directTokens = 0;
  for (const { prompt, stream } of direct) {
    const run = runOf(MODELS[0] ?? '', prompt);
    if (!run) throw new Error(`no fake run for direct "${prompt}"`);
    const result = analyzeStream(stream, run, answer);
    directTokens += result.arrived;
    lateness.direct.push(...result.lateness);
    if (result.ttftMs !== null) ttft.direct.push(result.ttftMs);
  }
  const persisted = await countPersisted(ctx.appUrl, app, answer);
  const window = await steady;
  let steadyCpuPerTokenMs = null;
  if (window) {
    const inWindow = app
      .flatMap(({ turn }) => turn.streams.flatMap((stream) => stream.pieces))
      .filter((piece) => !piece.snapshot && piece.t >= window.from && piece.t <= window.to).length;
    steadyCpuPerTokenMs = Math.round((window.cpuMs / Math.max(1, inWindow)) * 1000) / 1000;
  }
  const appSummary = summary(lateness.app);
  const directSummary = summary(lateness.direct);
  console.log(
    `bench:   ${level} streams: app ${appStats.cores} cores, ${appStats.peakRssMb} MB, p95 lateness ${appSummary.p95} ms (direct ${directSummary.p95})`,
  );
  return {
    streams: count * SLOTS,
    lost,
    reordered,
    extraWords,
    extraSnapshots,
    persisted,
    fromSnapshot,
    clumpedStreams,
    clumpedShare: summary(clumpedShare),
    largestClump,
    app: appStats,
    fakes: fakesStats,
    clientCores: Math.round(clientCores * 1000) / 1000,
    // The floor for the same load: what a process that only writes each token (the fakes) or
    // only reads it (this client) spends per token; Versus reads and writes each one.
    floorUs: {
      fakes: Math.round((1000 * fakesStats.cpuMs) / Math.max(1, relayed + directTokens)),
      // process.cpuUsage() counts microseconds.
      client: Math.round((clientCpu.user + clientCpu.system) / Math.max(1, relayed + directTokens)),
    },
    tokensRelayed: relayed,
    cpuPerTokenMs: Math.round((appStats.cpuMs / Math.max(1, relayed)) * 1000) / 1000,
    steadyCpuPerTokenMs,
    lateness: { app: appSummary, direct: directSummary },
    addedByInstance: {
      same: added(summary(byInstance.same), directSummary),
      other: added(summary(byInstance.other), directSummary),
      tokens: { same: byInstance.same.length, other: byInstance.other.length },
    },
    ttft: { app: summary(ttft.app), direct: summary(ttft.direct) },
    added: added(appSummary, directSummary),
  };
}

/**
 * The level's streams through each reference relay, with every token checked.
 * @param {import('../run.mjs').Context} ctx
 * @param {number} level
 * @param {string} answer
 */
async function runReferences(ctx, level, answer) {
  const tokens = answer.split(' ').length;
  const references = [];
  for (const kind of REFERENCE_KINDS) {
    const reference = await measureReferenceRelay(kind, {
      openaiUrl: ctx.fakeUrls.openai,
      models: MODELS,
      warmUpModel: WARM_UP_MODEL,
      groups: Math.ceil(level / SLOTS),
      rampMs: RAMP_MS,
      answer,
      label: `reference ${kind} ${level}`,
      steadyWindow: (pid) => steadyWindow(pid, tokens),
    });
    if (reference.exact !== reference.streams) {
      throw new Error(`${kind} reference relay: ${reference.exact}/${reference.streams} exact`);
    }
    console.log(
      `bench:   ${level} streams through the ${kind} reference relay: ${reference.cpuPerTokenMs} / ${reference.steadyCpuPerTokenMs} ms per token`,
    );
    references.push(reference);
  }
  return references;
}

/**
 * @param {number} part
 * @param {number} whole
 */
const pct = (part, whole) => Math.round((100 * part) / whole);

/**
 * CPU of the app while every stream is flowing and none is starting or ending: from 1 s after
 * the last turn started to 0.5 s before the first stream ends. Null when streams are too short.
 * @param {number | number[]} appPids
 * @param {number} tokens
 * @returns {Promise<{ from: number, to: number, cpuMs: number } | null>}
 */
async function steadyWindow(appPids, tokens) {
  const fromMs = RAMP_MS + TTFT_MS + 1000;
  const toMs = TTFT_MS + (tokens / TOKENS_PER_SECOND) * 1000 - 500;
  if (toMs - fromMs < 1000) return null;
  const pids = [appPids].flat().flatMap(treePids);
  await sleep(fromMs);
  const from = now();
  const cpuFrom = cpuMs(pids);
  await sleep(toMs - fromMs);
  return { from, to: now(), cpuMs: cpuMs(pids) - cpuFrom };
}

/**
 * Messages whose stored row is `done` with the exact answer, read back through the API.
 * @param {string} appUrl
 * @param {Array<{ conversation: { id: string } }>} app
 * @param {string} answer
 */
async function countPersisted(appUrl, app, answer) {
  const views = await pool(
    8,
    app.map(
      ({ conversation }) =>
        () =>
          request(`${appUrl}/api/conversations/${conversation.id}`),
    ),
  );
  let complete = 0;
  for (const view of views) {
    for (const turn of view.json?.conversation?.turns ?? []) {
      for (const message of turn.messages) {
        if (message.status === 'done' && message.content === answer) complete += 1;
      }
    }
  }
  return complete;
}
