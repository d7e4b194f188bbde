import { expect, test } from '@playwright/test';
import { hostileAnswer, richAnswer } from './support/answers';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

const shots = process.env.VERSUS_SHOTS_DIR ?? 'screenshots';

test('answers render as Markdown: math, code, tables, task lists; copy buttons work', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const models = [uniqueModel('deepseek-r1:7b'), uniqueModel('deepseek-r1:32b')] as const;
  for (const [index, id] of models.entries()) {
    await scriptModel(request, 'ollama', {
      id,
      reasoningStyle: 'field',
      reasoning: `**Plan**: write $2c + 4r = 94$, then eliminate.\n\n1. heads\n2. legs (${index})`,
      tokensPerSecond: 400,
      ttftMs: 50,
      answer: richAnswer,
    });
  }
  const { conversationId } = await startComparison(
    request,
    models.map((model) => ({ kind: 'ollama' as const, model, params: { think: true } })),
    'A farm has 35 heads and 94 legs. How many chickens and rabbits? Show it in Python too.',
  );
  const compare = new ComparePage(page);
  // Hydration mismatches and CSP refusals of the app's own resources show up here.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await compare.open(conversationId);
  for (const position of [0, 1]) await compare.expectStatus(position, 'done');

  const answer = compare.content(0);
  await expect(answer.locator('h2')).toHaveText('Chickens and rabbits');
  await expect(answer.locator('.math-display .katex-display')).toHaveCount(2);
  await expect(answer.locator('.math-inline .katex').first()).toBeVisible();
  await expect(answer.locator('.katex .fbox')).toHaveCount(1);
  await expect(answer.locator('table tr')).toHaveCount(4);
  await expect(answer.locator('td[style*="right"]').first()).toHaveText('23');
  await expect(answer.locator('input[type="checkbox"]:checked')).toHaveCount(2);
  const link = answer.getByRole('link', { name: 'general formula' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const code = answer.getByTestId('code-block');
  await expect(code).toHaveAttribute('data-language', 'python');
  await expect(code.locator('.hljs-keyword').first()).toHaveText('def');
  await expect(code.locator('.hljs-comment').first()).toContainText('each rabbit');
  // The reasoning is Markdown too.
  await compare.column(0).getByTestId('reasoning-toggle').click();
  await expect(compare.reasoning(0).locator('strong')).toHaveText('Plan');
  await expect(compare.reasoning(0).locator('.katex')).toHaveCount(1);

  await code.getByTestId('copy-code').click();
  await expect(code.getByTestId('copy-code')).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'def solve(heads: int, legs: int) -> tuple[int, int]:\n    rabbits = (legs - 2 * heads) // 2  # each rabbit adds two legs\n    return heads - rabbits, rabbits\n\nprint(solve(35, 94))  # (23, 12)',
  );
  await compare.column(1).getByTestId('copy-answer').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(richAnswer);

  expect(consoleErrors).toEqual([]);

  await compare.column(0).getByTestId('reasoning-toggle').click();
  await page.screenshot({ path: `${shots}/render-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('tab')).toHaveCount(2);
  await compare.content(0).locator('table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/render-phone.png` });
});

test('a hostile answer runs no script and sends no request', async ({ page, request }) => {
  const model = uniqueModel('hostile');
  await scriptModel(request, 'deepseek', {
    id: model,
    tokensPerSecond: 400,
    answer: hostileAnswer,
  });
  await scriptModel(request, 'deepseek', {
    id: `${model}-b`,
    tokensPerSecond: 400,
    reasoningStyle: 'field',
    reasoning: hostileAnswer,
    answer: 'Fine.',
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'deepseek', model },
      { kind: 'deepseek', model: `${model}-b` },
    ],
    'Break out.',
  );
  const compare = new ComparePage(page);
  const leaks: string[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (url.port === '9' || url.pathname.includes('leak') || url.protocol === 'javascript:') {
      leaks.push(sent.url());
    }
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await compare.open(conversationId);
  for (const position of [0, 1]) await compare.expectStatus(position, 'done');
  await compare.column(1).getByTestId('reasoning-toggle').click();
  await expect(compare.content(0)).toContainText('End of corpus.');
  await expect(compare.reasoning(1)).toContainText('End of corpus.');

  // Raw HTML shows as text, never as elements.
  await expect(compare.content(0)).toContainText('<script>window.__pwned = "script"</script>');
  for (const root of [compare.content(0), compare.reasoning(1)]) {
    await expect(
      root.locator(
        // The app's own icons (copy, preview) are the only SVG allowed in there.
        ':is(script, iframe, object, embed, img, style, svg, details, math):not(.code-block-header *):not(.katex *)',
      ),
    ).toHaveCount(0);
    const hrefs = await root
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|vbscript|data):/i);
    // Links whose URL was a script are plain text.
    await expect(root.getByText('md link', { exact: true })).toHaveCount(1);
    for (const name of ['md link', 'entity link', 'encoded', 'data link']) {
      await expect(root.getByRole('link', { name, exact: true })).toHaveCount(0);
    }
  }
  // The HTML in the code block is shown, not run (no preview was asked for).
  await expect(page.locator('iframe')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(leaks).toEqual([]);
  expect(dialogs).toEqual([]);
});
