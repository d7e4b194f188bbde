import { expect, test } from '@playwright/test';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel, words } from './support/fakes';

test('three backend kinds stream in parallel, reasoning apart from the answer', async ({
  page,
  request,
}) => {
  const models = {
    ollama: uniqueModel('deepseek-r1:7b'),
    openai: uniqueModel('R1-Distill-Qwen-32B'),
    deepseek: uniqueModel('deepseek-v4'),
  };
  await scriptModel(request, 'ollama', {
    id: models.ollama,
    reasoningStyle: 'think-tags',
    tokensPerSecond: 12,
    ttftMs: 200,
    reasoning: 'Heads 35, legs 94; try chickens first.',
    answer: `OLLAMA-ANSWER ${words(120)}`,
  });
  await scriptModel(request, 'openai', {
    id: models.openai,
    reasoningStyle: 'closing-tag',
    tokensPerSecond: 12,
    ttftMs: 200,
    reasoning: 'Let x be chickens.',
    answer: `VLLM-ANSWER ${words(120)}`,
  });
  await scriptModel(request, 'deepseek', {
    id: models.deepseek,
    reasoningStyle: 'field',
    tokensPerSecond: 12,
    ttftMs: 200,
    reasoning: 'Two equations, two unknowns.',
    answer: `DEEPSEEK-ANSWER ${words(120)}`,
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model: models.ollama },
      { kind: 'openai', model: models.openai },
      { kind: 'deepseek', model: models.deepseek },
    ],
    'Chickens and rabbits: 35 heads, 94 legs.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await expect(compare.columns()).toHaveCount(3);

  // At one moment, all three are streaming with part of their answer on screen.
  await expect
    .poll(() => compare.snapshot(), { intervals: [50] })
    .toEqual([
      { status: 'streaming', answerStarted: true },
      { status: 'streaming', answerStarted: true },
      { status: 'streaming', answerStarted: true },
    ]);
  await expect(compare.content(0)).toContainText('OLLAMA-ANSWER');
  await expect(compare.content(1)).toContainText('VLLM-ANSWER');
  await expect(compare.content(2)).toContainText('DEEPSEEK-ANSWER');

  for (const position of [0, 1, 2]) await compare.expectStatus(position, 'done');
  // Folded once done; a folded trace is rendered when opened.
  for (const position of [0, 1, 2]) {
    await compare.column(position).getByTestId('reasoning-toggle').click();
  }
  await expect(compare.reasoning(0)).toContainText('Heads 35, legs 94');
  await expect(compare.reasoning(1)).toContainText('Let x be chickens.');
  await expect(compare.reasoning(2)).toContainText('Two equations');
  await expect(compare.content(0)).not.toContainText('Heads 35');
  await expect(compare.content(1)).not.toContainText('Let x be');
  await expect(compare.content(1)).not.toContainText('</think>');
  for (const position of [0, 1, 2]) {
    await expect(compare.column(position).getByTestId('metrics')).toContainText(/tok\/s/);
  }
  await expect(page.getByTestId('speed-summary')).toBeVisible();
});

test('a reload mid-stream re-attaches and keeps streaming', async ({ page, request }) => {
  const model = uniqueModel('slow-reload');
  // Long enough (about 15 s) that a reload on a busy machine still lands mid-stream.
  await scriptModel(request, 'ollama', {
    id: model,
    tokensPerSecond: 10,
    ttftMs: 50,
    answer: `START ${words(150)} END`,
  });
  await scriptModel(request, 'openai', {
    id: `${model}-b`,
    tokensPerSecond: 10,
    ttftMs: 50,
    answer: `BEGIN ${words(150)} FINISH`,
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model },
      { kind: 'openai', model: `${model}-b` },
    ],
    'Write a long list.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await expect(compare.content(0)).toContainText('word5');
  await page.reload();
  await compare.expectStatus(0, 'streaming');
  await expect(compare.content(0)).toContainText('START word0 word1');
  await expect(compare.content(0)).toContainText('END', { timeout: 30_000 });
  await compare.expectStatus(0, 'done');
  // Every token exactly once, in order, across the reload.
  await expect(compare.content(0)).toHaveText(`START ${words(150)} END`, { useInnerText: true });
  await expect(compare.content(1)).toHaveText(`BEGIN ${words(150)} FINISH`, {
    useInnerText: true,
  });
});

test('Stop stops one column only', async ({ page, request }) => {
  const model = uniqueModel('stoppable');
  // It is stopped long before its end (20 s), however slowly the page loads.
  await scriptModel(request, 'ollama', {
    id: model,
    tokensPerSecond: 10,
    ttftMs: 50,
    answer: words(200),
  });
  await scriptModel(request, 'deepseek', {
    id: `${model}-go`,
    tokensPerSecond: 20,
    ttftMs: 50,
    answer: `${words(30)} COMPLETE`,
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model },
      { kind: 'deepseek', model: `${model}-go` },
    ],
    'Go.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await expect(compare.content(0)).toContainText('word2');
  await compare.stop(0);
  await compare.expectStatus(0, 'stopped');
  const kept = (await compare.content(0).textContent()) ?? '';
  expect(kept.length).toBeGreaterThan(0);
  await expect(compare.content(1)).toContainText('COMPLETE', { timeout: 20_000 });
  await compare.expectStatus(1, 'done');
  await expect(compare.content(0)).toHaveText(kept);
});

test('a failing backend shows its error while the others finish', async ({ page, request }) => {
  const model = uniqueModel('broke');
  await scriptModel(request, 'deepseek', { id: model, fault: { kind: 'http-error', status: 402 } });
  await scriptModel(request, 'openai', {
    id: `${model}-mid`,
    tokensPerSecond: 40,
    ttftMs: 30,
    answer: 'one two three four five',
    fault: { kind: 'error-mid-stream', afterTokens: 3 },
  });
  await scriptModel(request, 'ollama', {
    id: `${model}-ok`,
    tokensPerSecond: 40,
    ttftMs: 30,
    answer: `${words(20)} FINE`,
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'deepseek', model },
      { kind: 'openai', model: `${model}-mid` },
      { kind: 'ollama', model: `${model}-ok` },
    ],
    'Go.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await compare.expectStatus(0, 'error');
  await expect(compare.column(0).getByTestId('column-error')).toContainText(/balance/i);
  await compare.expectStatus(1, 'error');
  await expect(compare.content(1)).toContainText('one two three');
  await expect(compare.content(2)).toContainText('FINE');
  await compare.expectStatus(2, 'done');
});

test('six columns stream at once and Stop still answers', async ({ page, request }) => {
  // Browsers allow six HTTP/1.1 connections per origin: one stream per column would leave
  // the Stop request waiting for a free connection.
  const base = uniqueModel('six');
  const kinds = ['ollama', 'openai', 'deepseek', 'ollama', 'openai', 'deepseek'] as const;
  for (const [index, kind] of kinds.entries()) {
    await scriptModel(request, kind, {
      id: `${base}-${index}`,
      tokensPerSecond: 8,
      ttftMs: 50,
      answer: words(120),
    });
  }
  const { conversationId } = await startComparison(
    request,
    kinds.map((kind, index) => ({ kind, model: `${base}-${index}` })),
    'Go.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await expect(compare.columns()).toHaveCount(6);
  await expect(compare.content(5)).toContainText('word2');
  await compare.stop(5);
  await compare.expectStatus(5, 'stopped');
  for (const position of [0, 1, 2, 3, 4]) await compare.expectStatus(position, 'streaming');
  await page.keyboard.press('Escape');
  for (const position of [0, 1, 2, 3, 4]) await compare.expectStatus(position, 'stopped');
});
