import { expect, type Page, test } from '@playwright/test';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

/** The lineup the new-comparison screen shows: backend, model and parameters of each slot. */
async function shownLineup(page: Page) {
  const slots = page.getByTestId('lineup-slot');
  await expect(slots.first()).toBeVisible();
  const shown: string[][] = [];
  for (const slot of await slots.all()) {
    shown.push([
      await slot.getByTestId('backend-select').inputValue(),
      await slot.getByTestId('model-select').inputValue(),
    ]);
  }
  return shown;
}

test('a new comparison starts from the last lineup, or from the one a conversation offers', async ({
  page,
  request,
}) => {
  const models = [uniqueModel('carry-a'), uniqueModel('carry-b'), uniqueModel('carry-c')];
  await scriptModel(request, 'ollama', { id: models[0] ?? '', ttftMs: 10, tokensPerSecond: 500 });
  await scriptModel(request, 'openai', { id: models[1] ?? '', ttftMs: 10, tokensPerSecond: 500 });
  await scriptModel(request, 'deepseek', { id: models[2] ?? '', ttftMs: 10, tokensPerSecond: 500 });
  const first = await startComparison(
    request,
    [
      { kind: 'ollama', model: models[0] ?? '' },
      { kind: 'openai', model: models[1] ?? '', params: { temperature: 0.3 } },
      { kind: 'deepseek', model: models[2] ?? '' },
    ],
    'First lineup',
  );
  await page.goto('/');
  expect(await shownLineup(page)).toEqual([
    ['ollama', models[0]],
    ['openai', models[1]],
    ['deepseek', models[2]],
  ]);
  await expect(page.getByTestId('lineup-slot').nth(1)).toContainText('T 0.3');

  // A later, different lineup becomes the last one; the first stays one click away.
  await startComparison(
    request,
    [
      { kind: 'deepseek', model: models[2] ?? '' },
      { kind: 'ollama', model: models[0] ?? '' },
    ],
    'Second lineup',
  );
  await page.goto('/');
  expect(await shownLineup(page)).toEqual([
    ['deepseek', models[2]],
    ['ollama', models[0]],
  ]);
  await page.goto(`/c/${first.conversationId}`);
  await page.getByTestId('new-with-lineup').click();
  await expect(page).toHaveURL(new RegExp(`/\\?from=${first.conversationId}$`));
  expect(await shownLineup(page)).toHaveLength(3);
  expect((await shownLineup(page))[1]).toEqual(['openai', models[1]]);
});
