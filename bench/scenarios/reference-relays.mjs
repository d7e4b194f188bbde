// Scenario 4's yardstick for CPU per token: the same streams, in the same run, through the
// least a relay can do (lib/reference-relay.mjs) instead of the app. What a token costs there
// is what reading it from one socket and writing it to another costs on this machine at that
// load; what the app spends beyond it pays for persistence, replay, metrics and the rest.
import { readSse } from '../lib/http.mjs';
import { startUsage } from '../lib/proc.mjs';
import { startReferenceRelay } from '../lib/stack.mjs';
import { sleep } from '../lib/stats.mjs';

export const REFERENCE_KINDS = /** @type {const} */ (['node', 'openai']);

/** Warm-up rounds of short streams before measuring, so V8 has optimized the relay's code, as
 * it has the app's by the time scenario 4 runs. */
const WARM_UP_ROUNDS = 5;
const WARM_UP_STREAMS = 10;

/**
 * @typedef {{ openaiUrl: string, models: string[], warmUpModel: string, groups: number, rampMs: number,
 *   answer: string, label: string,
 *   steadyWindow: (pid: number) => Promise<{ from: number, to: number, cpuMs: number } | null>
 * }} Load
 * `groups` sets of one stream per model, started evenly over `rampMs`, as the app's turns are.
 */

/**
 * @param {'node' | 'openai'} kind
 * @param {Load} load
 */
export async function measureReferenceRelay(kind, load) {
  const relay = await startReferenceRelay(kind, load.openaiUrl);
  try {
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: WARM_UP_STREAMS }, (_, i) => {
          const query = new URLSearchParams({
            model: load.warmUpModel,
            prompt: `${load.label} warm-up ${round}.${i}`,
          });
          return readSse(`${relay.url}/relay?${query}`);
        }),
      );
    }
    const usage = startUsage(relay.pid);
    const steady = load.steadyWindow(relay.pid);
    const groups = Array.from({ length: load.groups }, async (_, i) => {
      await sleep((i * load.rampMs) / load.groups);
      return Promise.all(
        load.models.map((model, slot) => {
          const query = new URLSearchParams({ model, prompt: `${load.label} #${i}.${slot}` });
          return readSse(`${relay.url}/relay?${query}`);
        }),
      );
    });
    const streams = (await Promise.all(groups)).flat();
    await sleep(500);
    const stats = usage.stop();
    const window = await steady;
    let tokens = 0;
    let exact = 0;
    let inWindow = 0;
    for (const stream of streams) {
      const texts = stream.frames.map((frame) => JSON.parse(frame.data).text);
      tokens += texts.length;
      if (texts.join('') === load.answer) exact += 1;
      if (window) {
        inWindow += stream.frames.filter((f) => f.t >= window.from && f.t <= window.to).length;
      }
    }
    const perToken = (/** @type {number} */ ms, /** @type {number} */ count) =>
      Math.round((ms / Math.max(1, count)) * 1000) / 1000;
    return {
      kind,
      streams: streams.length,
      exact,
      cores: stats.cores,
      cpuPerTokenMs: perToken(stats.cpuMs, tokens),
      steadyCpuPerTokenMs: window ? perToken(window.cpuMs, inWindow) : null,
    };
  } finally {
    await relay.stop();
  }
}
