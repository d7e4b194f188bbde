import { expect, test } from '@playwright/test';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel, words } from './support/fakes';

test('build a lineup in the UI, send, and reopen the conversation from the sidebar', async ({
  page,
  request,
}) => {
  const model = uniqueModel('ui-lineup');
  await scriptModel(request, 'ollama', {
    id: model,
    tokensPerSecond: 80,
    ttftMs: 50,
    answer: `UI-ONE ${words(10)}`,
  });
  await scriptModel(request, 'openai', {
    id: `${model}-v`,
    tokensPerSecond: 80,
    ttftMs: 50,
    answer: `UI-TWO ${words(10)}`,
  });
  await request.get('/api/backends?fresh=1');

  await page.goto('/');
  const slots = page.getByTestId('lineup-slot');
  // The screen starts from the last lineup used (other specs'): make it two models.
  await expect(slots.first()).toBeVisible();
  while ((await slots.count()) > 2) {
    await page.getByRole('button', { name: `Remove model ${await slots.count()}` }).click();
  }
  await expect(slots).toHaveCount(2);
  await slots.nth(0).getByTestId('backend-select').selectOption('ollama');
  await slots.nth(0).getByTestId('model-select').selectOption(model);
  await slots.nth(1).getByTestId('backend-select').selectOption('openai');
  await slots.nth(1).getByTestId('model-select').selectOption(`${model}-v`);
  await page.getByTestId('composer-input').fill('Write an acrostic poem about SPEED.');
  await page.getByTestId('composer-input').press('Enter');

  await expect(page).toHaveURL(/\/c\//);
  const compare = new ComparePage(page);
  await expect(compare.content(0)).toContainText('UI-ONE');
  await expect(compare.content(1)).toContainText('UI-TWO');
  await compare.expectStatus(0, 'done');
  await compare.expectStatus(1, 'done');
  const url = page.url();

  await page.goto('/');
  const entry = page.getByTestId('sidebar-conversation').filter({ hasText: model }).first();
  await entry.click();
  await expect(page).toHaveURL(url);
  await expect(compare.content(0)).toContainText('UI-ONE');
  await expect(compare.content(1)).toContainText('UI-TWO');
});

test('API keys never reach the browser', async ({ request }) => {
  const model = uniqueModel('keyless');
  await scriptModel(request, 'deepseek', { id: model, ttftMs: 20, tokensPerSecond: 200 });
  await scriptModel(request, 'ollama', { id: `${model}-o`, ttftMs: 20, tokensPerSecond: 200 });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'deepseek', model },
      { kind: 'ollama', model: `${model}-o` },
    ],
    'Hi',
  );
  // The e2e server runs with DEEPSEEK_API_KEY=sk-e2e (playwright.config.ts).
  for (const path of [
    '/',
    `/c/${conversationId}`,
    '/api/backends',
    `/api/conversations/${conversationId}`,
  ]) {
    const body = await (await request.get(path)).text();
    expect(body.length).toBeGreaterThan(100);
    expect(body).not.toContain('sk-e2e');
  }
});
