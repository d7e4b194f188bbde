import { expect, test } from '@playwright/test';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

const answer =
  'Let c be chickens and r rabbits.\n\nc + r = 35\n2c + 4r = 94\n\nSo r = 12 and c = 23: **23 chickens and 12 rabbits**.';

// Pictures for people to look at (screenshots/, not committed); also checks the phone layout.
test('main page at desktop and phone widths', async ({ page, request }) => {
  const models = [
    uniqueModel('deepseek-r1:7b'),
    uniqueModel('deepseek-r1:32b'),
    uniqueModel('deepseek-v4'),
  ];
  await scriptModel(request, 'ollama', {
    id: models[0] as string,
    reasoningStyle: 'field',
    tokensPerSecond: 200,
    ttftMs: 50,
    answer,
  });
  await scriptModel(request, 'ollama', {
    id: models[1] as string,
    reasoningStyle: 'field',
    tokensPerSecond: 120,
    ttftMs: 120,
    answer,
  });
  await scriptModel(request, 'deepseek', {
    id: models[2] as string,
    reasoningStyle: 'field',
    tokensPerSecond: 150,
    ttftMs: 80,
    answer,
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model: models[0] as string, params: { think: true } },
      { kind: 'ollama', model: models[1] as string, params: { think: true } },
      { kind: 'deepseek', model: models[2] as string },
    ],
    'A farm has 35 heads and 94 legs. How many chickens and rabbits?',
  );
  const compare = new ComparePage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await compare.open(conversationId);
  for (const position of [0, 1, 2]) await compare.expectStatus(position, 'done');
  await expect(page.getByTestId('speed-summary')).toBeVisible();
  await page.screenshot({ path: 'screenshots/compare-desktop.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('tab')).toHaveCount(3);
  await page.screenshot({ path: 'screenshots/compare-phone.png' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.screenshot({ path: 'screenshots/new-comparison-desktop.png' });
});
