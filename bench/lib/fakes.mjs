// The fakes' control API (fake-backends/control-api.ts), over HTTP from this process.
import { request } from './http.mjs';

/** @typedef {'ollama' | 'openai' | 'deepseek'} Kind */
/** @typedef {{ ollama: string, openai: string, deepseek: string }} FakeUrls */

/**
 * @param {FakeUrls} urls
 * @param {Kind} kind
 */
const origin = (urls, kind) => urls[kind].replace(/\/v1$/, '');

/**
 * Adds a model on one fake server; without a reasoning style it answers without reasoning, so
 * every token is content.
 * @param {FakeUrls} urls
 * @param {Kind} kind
 * @param {{ id: string, tokensPerSecond: number, ttftMs: number, answer: string,
 *   reasoningStyle?: string, reasoning?: string, fault?: Record<string, unknown> }} script
 */
export async function scriptModel(urls, kind, script) {
  const res = await request(`${origin(urls, kind)}/__fake/models`, {
    body: { reasoningStyle: 'none', ...script },
  });
  if (res.status !== 200) throw new Error(`script ${script.id}: ${res.status} ${res.text}`);
}

/**
 * Every run one fake server has served so far (ground truth: start and per-token times).
 * @param {FakeUrls} urls
 * @param {Kind} kind
 * @returns {Promise<import('./tokens.mjs').FakeRun[]>}
 */
export async function fetchRuns(urls, kind) {
  const res = await request(`${origin(urls, kind)}/__fake/runs`);
  if (res.status !== 200) throw new Error(`runs: ${res.status}`);
  return res.json.runs;
}
