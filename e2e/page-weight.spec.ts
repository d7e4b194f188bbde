import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

// First-load JS of the chat page: every module <script src> and modulepreload of its
// server-rendered HTML, gzipped (level 9) one by one and summed, as bench/ measures it. Renderer chunks that load
// on demand (Markdown, highlighter, KaTeX) are not part of it.
test('the chat page first-load JS', async ({ request }) => {
  const model = uniqueModel('weight');
  await scriptModel(request, 'ollama', { id: model, tokensPerSecond: 500, answer: 'Plain text.' });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model },
      { kind: 'ollama', model },
    ],
    'Say something plain.',
  );
  const html = await (await request.get(`/c/${conversationId}`)).text();
  const urls = new Set([
    // noModule scripts (the legacy polyfill) are never fetched by a browser that runs modules.
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)]
      .filter((match) => !/\bnoModule\b/i.test(match[0]))
      .map((match) => match[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map(
      (match) => match[1],
    ),
  ]);
  let gzipped = 0;
  for (const url of urls) {
    const body = await (await request.get((url ?? '').replaceAll('&amp;', '&'))).body();
    const size = gzipSync(body, { level: 9 }).length;
    if (process.env.VERSUS_WEIGHT_DETAIL) console.log(`${(size / 1024).toFixed(1)} KB ${url}`);
    gzipped += size;
  }
  console.log(
    `chat page first-load JS: ${(gzipped / 1024).toFixed(1)} KB gzipped, ${urls.size} files`,
  );
  expect(urls.size).toBeGreaterThan(0);
  // The target of issue 4; the Markdown renderer, highlighter and KaTeX load on demand.
  expect(gzipped).toBeLessThanOrEqual(180 * 1024);
});
