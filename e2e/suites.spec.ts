import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from './support/axe';
import { scriptModel, uniqueModel } from './support/fakes';
import { acrosticPoem, chickensAnswer } from './support/seed-prompts';

const prismAnswer = `上下底面积：$2 \\times \\frac{1}{2} \\times 16 \\times 16 = 256$。
斜边为 $16\\sqrt{2}$，侧面积：$(16 + 16 + 16\\sqrt{2}) \\times 16\\sqrt{2} = 512 + 512\\sqrt{2}$。

$$\\boxed{768 + 512\\sqrt{2} \\approx 1492.08}$$`;

/** The lineup: one model that solves the chickens, one that writes the poem, one the prism. */
async function scriptLadder(request: Parameters<typeof scriptModel>[0]) {
  const models = {
    solver: uniqueModel('deepseek-r1:7b'),
    poet: uniqueModel('Qwen/Qwen3-8B'),
    geometer: uniqueModel('deepseek-reasoner'),
  };
  const quick = { tokensPerSecond: 300, ttftMs: 20 };
  await scriptModel(request, 'ollama', { id: models.solver, answer: chickensAnswer, ...quick });
  // A line after the poem: long enough (60 tokens) for its rate to be timed.
  await scriptModel(request, 'openai', {
    id: models.poet,
    answer: `${acrosticPoem}\n\n${'Wishing you a happy new year. '.repeat(10)}`,
    ...quick,
  });
  await scriptModel(request, 'deepseek', {
    id: models.geometer,
    answer: prismAnswer,
    reasoningStyle: 'field',
    ...quick,
  });
  await request.get('/api/backends?fresh=1');
  return models;
}

async function pickLineup(page: Page, lineup: [string, string][]) {
  const slots = page.getByTestId('lineup-slot');
  await expect(slots.first()).toBeVisible();
  while ((await slots.count()) < lineup.length) {
    await page.getByRole('button', { name: 'Add a model' }).click();
  }
  while ((await slots.count()) > lineup.length) {
    await page.getByRole('button', { name: `Remove model ${await slots.count()}` }).click();
  }
  for (const [index, [backend, model]] of lineup.entries()) {
    await slots.nth(index).getByTestId('backend-select').selectOption(backend);
    await slots.nth(index).getByTestId('model-select').selectOption(model);
  }
}

const row = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: title }) });

test('the starter suite over three models: checks, hand verdicts, summary, chart and exports', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const models = await scriptLadder(request);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/suites');
  await page.getByRole('link', { name: 'R1 starter battery' }).first().click();
  await expect(page.getByRole('heading', { name: '5 prompts' })).toBeVisible();
  await pickLineup(page, [
    ['ollama', models.solver],
    ['openai', models.poet],
    ['deepseek', models.geometer],
  ]);
  await page.getByRole('button', { name: 'Run the suite' }).click();
  await expect(page).toHaveURL(/\/suites\/runs\//);
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('15 / 15 answers')).toBeVisible();

  // The checks: each model passes the task its answer solves, and only that one.
  const verdicts = async (title: string) =>
    (await row(page, title).getByRole('cell').allInnerTexts()).map((text) => text.split('\n')[0]);
  expect(await verdicts('藏头诗 新年快乐万事如意')).toEqual(['✗ Fail', '✓ Pass', '✗ Fail']);
  expect(await verdicts('鸡兔同笼')).toEqual(['✓ Pass', '✗ Fail', '✗ Fail']);
  expect(await verdicts('三棱柱表面积')).toEqual(['✗ Fail', '✗ Fail', '✓ Pass']);
  expect(await verdicts('贪吃蛇')).toEqual(['? Judge', '? Judge', '? Judge']);
  // Ollama reports its own rate: the fake's 300 tok/s, shown as it is.
  await expect(row(page, '鸡兔同笼').getByRole('cell').first()).toContainText('300 tok/s');

  // The hand-judged cells: one click each.
  for (const title of ['贪吃蛇', '第k大的元素']) {
    const name = title === '贪吃蛇' ? 'Mark pass' : 'Mark fail';
    for (let index = 0; index < 3; index += 1) {
      await row(page, title).getByRole('button', { name }).nth(index).click();
      await expect(row(page, title).getByRole('button', { name }).nth(index)).toHaveAttribute(
        'aria-pressed',
        'true',
      );
    }
  }
  const passRates = await row(page, 'Pass rate').getByRole('cell').allInnerTexts();
  expect(passRates.map((text) => text.split(/\s/)[0])).toEqual(['40%', '40%', '40%']);
  await expect(row(page, 'Median tok/s').getByRole('cell').first()).toHaveText('300');
  await expect(
    page.getByRole('img', { name: /Pass rate against median tokens per second/ }),
  ).toBeVisible();
  // The page scrolls inside its main area: a tall window shows all of it.
  await page.setViewportSize({ width: 1440, height: 2000 });
  await page.screenshot({ path: 'screenshots/suite-run-desktop.png' });
  await page.setViewportSize({ width: 1440, height: 1000 });

  // The exports: a row per answer, and the articles' table.
  const runId = page.url().split('/').at(-1) ?? '';
  const csv = await (await request.get(`/api/suite-runs/${runId}/export?format=csv`)).text();
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 15);
  expect(csv).toContain(`2,鸡兔同笼,1,${models.solver},Ollama,pass,check`);
  const markdown = await (
    await request.get(`/api/suite-runs/${runId}/export?format=markdown`)
  ).text();
  expect(markdown).toContain('| 鸡兔同笼 | ✅ 300 tok/s |');
  expect(markdown).toMatch(/\| \*\*Pass rate\*\* \| 40% \| 40% \| 40% \|/);

  // An answer opens the side-by-side view of its item.
  await row(page, '贪吃蛇').getByRole('link', { name: 'Open' }).first().click();
  await expect(page).toHaveURL(/\/c\//);
  await expect(page.getByText('写一个可以在浏览器上打开的贪吃蛇游戏')).toBeVisible();

  // Phone, dark, back on the run from its item.
  await page.getByRole('link', { name: 'Suite run' }).click();
  await expect(page).toHaveURL(/\/suites\/runs\//);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 3000 });
  await expect(page.getByText('Finished')).toBeVisible();
  await page.screenshot({ path: 'screenshots/suite-run-phone-dark.png' });
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/suites');
  await page.getByRole('link', { name: 'R1 starter battery' }).first().click();
  await expect(page.getByRole('heading', { name: '5 prompts' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/suite-phone-dark.png' });
  expect(await axeViolations(page)).toEqual([]);
});

test('a new suite, written in the editor, runs and can be compared with its earlier run', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const models = await scriptLadder(request);
  await page.goto('/suites');
  await page.getByRole('button', { name: 'New suite' }).click();
  await page.getByLabel('Suite name').fill('Rabbits only');
  await page.getByLabel('Title of prompt 1').fill('Cage');
  await page
    .getByLabel('Prompt 1', { exact: true })
    .fill('25 heads, 76 legs: how many chickens and rabbits?');
  await page.getByLabel('Check').selectOption('number');
  await page.getByLabel(/Expected/).fill('12, 13');
  await page.getByRole('button', { name: 'Save suite' }).click();
  await expect(page.getByRole('heading', { name: 'Rabbits only' })).toBeVisible();
  await expect(page.getByText('Numbers 12, 13')).toBeVisible();

  for (let run = 0; run < 2; run += 1) {
    await pickLineup(page, [
      ['ollama', models.solver],
      ['openai', models.poet],
    ]);
    await page.getByRole('button', { name: 'Run the suite' }).click();
    await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
    if (run === 0) await page.getByRole('link', { name: 'Suite', exact: true }).click();
  }
  await page.getByRole('navigation', { name: 'Runs of this suite' }).getByRole('link').click();
  const changes = page.getByRole('region', { name: 'Changes against the earlier run' });
  await expect(changes.getByRole('cell').first()).toHaveText(/✓ → ✓/);
  await expect(page.getByText('no verdict changed.')).toBeVisible();
});
