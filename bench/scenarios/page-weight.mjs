// Scenario 5: first-load JavaScript of the chat page and of a share page, gzipped, from the
// production build; Lighthouse's mobile performance score of the home page and of a finished
// conversation; and the server response time of the chat and share pages of a long conversation.
import { gzipSync } from 'node:zlib';
import { createConversation } from '../lib/clients.mjs';
import { finishedConversation } from '../lib/finished-conversation.mjs';
import { request, timeGets } from '../lib/http.mjs';
import { lighthouseRun } from '../lib/lighthouse.mjs';
import { summary } from '../lib/stats.mjs';
import { le } from './latency.mjs';

/**
 * Every external script a modern browser loads for a page: script src and modulepreload
 * links, without `noModule` scripts (legacy polyfills that module-capable browsers skip).
 * @param {string} html
 */
export function scriptUrls(html) {
  const urls = new Set();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) urls.add(src);
  }
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) {
    urls.add(match[1]);
  }
  return [...urls].map((url) => url.replaceAll('&amp;', '&'));
}

/**
 * @param {string} appUrl
 * @param {string} path
 */
export async function pageWeight(appUrl, path) {
  const page = await request(`${appUrl}${path}`, { headers: { accept: 'text/html' } });
  if (page.status !== 200) throw new Error(`${path}: HTTP ${page.status}`);
  const scripts = scriptUrls(page.text);
  let raw = 0;
  let gzip = 0;
  /** @type {Array<{ src: string, gzipKb: number }>} */
  const each = [];
  for (const src of scripts) {
    const res = await request(new URL(src, appUrl).href);
    if (res.status !== 200) throw new Error(`${src}: HTTP ${res.status}`);
    const bytes = Buffer.from(res.text, 'utf8');
    const size = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += size;
    each.push({ src, gzipKb: Math.round(size / 102.4) / 10 });
  }
  // Inline scripts are the RSC payload and bootstrap: data, counted apart.
  const inline = [...page.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  return {
    path,
    scripts: scripts.length,
    rawKb: Math.round(raw / 102.4) / 10,
    gzipKb: Math.round(gzip / 102.4) / 10,
    inlineGzipKb: Math.round(gzipSync(inline, { level: 9 }).length / 102.4) / 10,
    htmlKb: Math.round(page.text.length / 102.4) / 10,
    each: each.sort((a, b) => b.gzipKb - a.gzipKb),
  };
}

/** @param {import('../run.mjs').Context} ctx */
export async function pageWeightScenario(ctx) {
  const conversation = await createConversation(ctx.appUrl, [
    { backendId: 'openai', model: 'bench-page-a' },
    { backendId: 'openai', model: 'bench-page-b' },
  ]);
  const chat = await pageWeight(ctx.appUrl, `/c/${conversation.id}`);
  const home = await pageWeight(ctx.appUrl, '/');
  /** @type {Array<Record<string, unknown>>} */
  const rows = [chat, home].map((p) => ({
    metric: `${p.path === '/' ? 'new comparison /' : 'chat page /c/:id'}: first-load JS gzipped (KB), ${p.scripts} scripts, ${p.rawKb} KB raw; inline data ${p.inlineGzipKb} KB gz`,
    value: p.gzipKb,
  }));
  /** @type {Array<{ name: string, value: unknown, met: boolean | null }>} */
  const targets = [
    {
      name: 'chat page first-load JS ≤ 180 KB gzipped',
      value: `${chat.gzipKb} KB`,
      met: le(chat.gzipKb, 180),
    },
  ];
  // Lighthouse's mobile profile, median score of three runs per page (one in a quick run).
  const finishedId = await finishedConversation(ctx.appUrl, ctx.fakeUrls);
  const lighthouse = [];
  for (const [name, path] of [
    ['new comparison /', '/'],
    ['finished conversation /c/:id (3 models, 3 turns)', `/c/${finishedId}`],
  ]) {
    const runs = [];
    for (let i = 0; i < (ctx.quick ? 1 : 3); i++)
      runs.push(await lighthouseRun(`${ctx.appUrl}${path}`));
    runs.sort((a, b) => a.score - b.score);
    const median = runs[Math.floor(runs.length / 2)];
    if (!median) throw new Error(`lighthouse ${path}: no run`);
    const { lhr: _lhr, ...figures } = median;
    lighthouse.push({ name, path, scores: runs.map((run) => run.score), ...figures });
    rows.push({
      metric: `Lighthouse mobile, ${name}: score (runs ${runs.map((run) => run.score).join(', ')}); TBT ${median.tbtMs} ms, FCP ${median.fcpMs} ms, LCP ${median.lcpMs} ms, CLS ${median.cls}`,
      value: median.score,
    });
    targets.push({
      name: `Lighthouse mobile ≥ 90: ${name}`,
      value: median.score,
      met: median.score >= 90,
    });
  }
  const longId = /** @type {string | undefined} */ (ctx.shared.longConversationId);
  if (longId) {
    const samples = ctx.quick ? 3 : 10;
    const page = await timeGets(`${ctx.appUrl}/c/${longId}`, samples, { accept: 'text/html' });
    rows.push({
      metric: `chat page of the 200 × 4 conversation, server response (ms), ${page.kb} KB HTML`,
      summary: summary(page.times),
    });
    // The page shows the latest turns; "Show earlier prompts" fetches the ones before, a page
    // at a time, from the middle of the conversation here.
    const earlier = await timeGets(
      `${ctx.appUrl}/api/conversations/${longId}/turns?before=100`,
      samples,
    );
    rows.push({
      metric: `its earlier prompts, ${earlier.last.json?.turns?.length} turns at a time, GET /api/conversations/:id/turns?before= (ms), ${earlier.kb} KB`,
      summary: summary(earlier.times),
    });
    // A share of the same conversation: what anyone with the link loads.
    const created = await request(`${ctx.appUrl}/api/conversations/${longId}/shares`, { body: {} });
    if (created.status !== 201) throw new Error(`create share: ${created.status} ${created.text}`);
    const sharePath = /** @type {string} */ (created.json.share.path);
    const share = await pageWeight(ctx.appUrl, sharePath);
    const shareTimes = await timeGets(`${ctx.appUrl}${sharePath}`, samples, {
      accept: 'text/html',
    });
    const shareSummary = summary(shareTimes.times);
    rows.push({
      metric: `share page /s/:slug of the 200 × 4 conversation: first-load JS gzipped (KB), ${share.scripts} scripts; inline data ${share.inlineGzipKb} KB gz, ${share.htmlKb} KB HTML`,
      value: share.gzipKb,
    });
    rows.push({
      metric: 'share page of the 200 × 4 conversation, server response (ms)',
      summary: shareSummary,
    });
    targets.push(
      {
        name: 'share page first-load JS ≤ 180 KB gzipped',
        value: `${share.gzipKb} KB`,
        met: le(share.gzipKb, 180),
      },
      {
        name: 'share page of a 200-turn conversation: server response p95 (ms), no target set',
        value: shareSummary.p95,
        met: null,
      },
    );
  }
  return {
    id: '5',
    title: 'Page weight',
    runs: 1,
    rows,
    targets,
    data: { chat, home, lighthouse },
    notes: [
      'Lighthouse 12: performance category, default mobile profile (simulated slow 4G, 4× CPU slowdown), a fresh headless Chromium per run, against the production server; the median of three runs is shown.',
      'First-load JS: every <script src> and modulepreload of the server-rendered HTML, except `noModule` polyfills that module-capable browsers never fetch, fetched from the production server and gzipped here (level 9), summed.',
      'Share page: a share of the seeded 200-turn conversation (scenario 6), made through its API; like the chat page it opens at the latest 10 turns, and its snapshot (every turn) is read and parsed on each request, which is most of its server time.',
      'The chat page renders a conversation’s latest 10 turns; “Show earlier prompts” loads the ones before a page at a time (all 200 turns at once took 2.2–2.4 s on the server, 9.6 MB of HTML, and 8.5–9.2 s until the page answered input in Chromium).',
    ],
  };
}
