import { expect, test } from '@playwright/test';
import { E2E } from './ports';
import { axeViolations } from './support/axe';
import { captureReceived, expectNothingNamed } from './support/blind-capture';
import { scriptModel, startComparison, uniqueModel, words } from './support/fakes';

// A blind battle against the fake backends. Until the vote, nothing the browser receives (HTML,
// React Server Component payloads, JSON, event streams) nor the page's DOM, text or attributes
// names either model or its backend; a backend error during the battle included. The app's
// static JavaScript is the same for every page and every battle, so it is not read.

test('a blind battle names nothing until the vote, which reveals both and moves the leaderboard', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const a = uniqueModel('hidden-r1:7b');
  const b = uniqueModel('hidden-reasoner');
  const digest = `d1gest${Date.now().toString(36)}`;
  const fast = { tokensPerSecond: 300, ttftMs: 40 };
  await scriptModel(request, 'ollama', {
    id: a,
    ...fast,
    reasoningStyle: 'think-tags',
    reasoning: 'Count the legs: two per chicken, four per rabbit.',
    answer: `There are **23 chickens** and **12 rabbits**. ${words(30)}`,
    details: { digest, parameterSize: '7.6B', quantization: 'Q4_K_M', family: 'qwen2' },
  });
  await scriptModel(request, 'deepseek', {
    id: b,
    ...fast,
    reasoningStyle: 'field',
    reasoning: 'Let c + r = 35 and 2c + 4r = 94.',
    answer: `23 chickens, 12 rabbits. ${words(30)}`,
  });
  await request.get('/api/backends?fresh=1');

  await page.goto('/leaderboard');
  const votesBefore = await page.getByTestId('vote-count').textContent();

  // The pool is narrowed to these two models, as a user ticking boxes would leave it.
  await page.goto('/battle');
  await page.evaluate(
    (pool) => localStorage.setItem('versus:battle-pool', JSON.stringify(pool)),
    [
      { backendId: 'ollama', model: a },
      { backendId: 'deepseek', model: b },
    ],
  );
  await page.reload();
  await expect(page.getByTestId('pool-size')).toContainText('2 of');

  // Everything the browser receives from here until the vote.
  const stopCapture = captureReceived(page);

  await page
    .getByRole('textbox')
    .fill('A farm has 35 heads and 94 legs. How many chickens and rabbits?');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/c\//);
  const battleUrl = page.url();
  await expect(page.getByTestId('column')).toHaveCount(2);
  await expect(page.getByTestId('vote-a')).toBeEnabled({ timeout: 30_000 });

  // The second turn fails on one side: a rate limit, told without naming the backend.
  await scriptModel(request, 'deepseek', {
    id: b,
    ...fast,
    fault: { kind: 'http-error', status: 429 },
  });
  await page.getByRole('textbox').fill('And with 40 heads and 100 legs?');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Rate limited; retry in a moment.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('vote-a')).toBeEnabled({ timeout: 30_000 });

  // A fresh load of the battle: its HTML and payload too.
  await page.reload();
  await expect(page.getByTestId('vote-a')).toBeEnabled({ timeout: 30_000 });
  await page.screenshot({ path: 'screenshots/battle-before-vote.png' });
  const received = await stopCapture();

  const secrets = [
    a,
    b,
    digest,
    'Q4_K_M',
    '7.6B',
    'Ollama',
    'DeepSeek',
    `:${new URL(E2E.fakeUrl('ollama')).port}`,
    `:${new URL(E2E.fakeUrl('deepseek')).port}`,
  ];
  expect(received.some((body) => body.url.includes('/api/events'))).toBe(true);
  expectNothingNamed(received, secrets);
  await expect(page.getByTestId('column').first()).toContainText('Model A');

  await page.getByTestId('vote-a').click();
  const revealed = page.getByTestId('revealed-model');
  await expect(revealed).toHaveCount(2);
  expect((await revealed.allTextContents()).sort()).toEqual([a, b].sort());
  await expect(page.getByTestId('vote-result')).toContainText('It counts on the leaderboard.');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByTestId('retry-button')).toHaveCount(0);
  await page.screenshot({ path: 'screenshots/battle-after-vote.png' });
  expect(await axeViolations(page)).toEqual([]);

  // The battle is over: the API refuses a second vote and another prompt.
  const id = new URL(battleUrl).pathname.split('/').at(-1);
  const again = await page.request.post(`/api/battles/${id}/vote`, { data: { outcome: 'b' } });
  expect(again.status()).toBe(409);

  await page.goto('/leaderboard');
  await expect(page.getByTestId('vote-count')).not.toHaveText(votesBefore ?? '');
  const models = await page.getByTestId('rating-model').allTextContents();
  expect(models).toEqual(expect.arrayContaining([a, b]));
  await page.screenshot({ path: 'screenshots/leaderboard.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);

  // The same battle and the leaderboard on a phone, in the dark.
  const dark = await browser.newContext({
    baseURL: E2E.appUrl,
    colorScheme: 'dark',
    viewport: { width: 390, height: 844 },
  });
  const phone = await dark.newPage();
  await phone.goto(battleUrl);
  await expect(phone.getByTestId('battle-reveal')).toBeVisible();
  await phone.screenshot({ path: 'screenshots/battle-after-vote-phone-dark.png' });
  await phone.goto('/leaderboard?style=1');
  await expect(phone.getByTestId('rating-row').first()).toBeVisible();
  await phone.screenshot({ path: 'screenshots/leaderboard-phone-dark.png', fullPage: true });
  expect(await axeViolations(phone)).toEqual([]);
  await dark.close();
});

test('a named verdict marks the best column of a turn and counts when named verdicts are asked for', async ({
  page,
  request,
}) => {
  const a = uniqueModel('verdict-a');
  const b = uniqueModel('verdict-b');
  await scriptModel(request, 'ollama', {
    id: a,
    tokensPerSecond: 500,
    ttftMs: 20,
    answer: 'Four.',
  });
  await scriptModel(request, 'openai', {
    id: b,
    tokensPerSecond: 500,
    ttftMs: 20,
    answer: 'Five.',
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model: a },
      { kind: 'openai', model: b },
    ],
    'What is 2 + 2?',
  );
  await page.goto(`/c/${conversationId}`);
  const options = page.getByTestId('verdict-option');
  await expect(options).toHaveCount(3);
  await options.filter({ hasText: a }).click();
  await expect(options.filter({ hasText: a })).toHaveAttribute('aria-pressed', 'true');
  // Kept: a reload shows it.
  await page.reload();
  await expect(page.getByTestId('verdict-option').filter({ hasText: a })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.goto('/leaderboard');
  await expect(page.getByTestId('rating-model').filter({ hasText: a })).toHaveCount(0);
  await page.getByTestId('toggle-named').click();
  await expect(page).toHaveURL(/named=1/);
  const row = page.getByTestId('rating-row').filter({ hasText: a });
  await expect(row).toContainText('1 / 0 / 0');
});
