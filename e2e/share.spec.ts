import { mkdirSync, writeFileSync } from 'node:fs';
import { type Browser, expect, test } from '@playwright/test';
import { E2E } from './ports';
import { axeViolations } from './support/axe';
import { captureReceived, expectNothingNamed } from './support/blind-capture';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

// Share links against the real app: a recipient opens one in a fresh browser (no cookies), sees
// the comparison read-only and nothing else of the instance; a revoked link is gone at once; a
// blind challenge hides both models from every recipient until they vote, once each.

const poem = '新春佳节喜洋洋\n年年有余福满堂\n快马扬鞭奔前程\n乐享团圆共安康';

async function recipient(browser: Browser, options: { phone?: boolean; dark?: boolean } = {}) {
  return browser.newContext({
    baseURL: E2E.appUrl,
    colorScheme: options.dark ? 'dark' : 'light',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
  });
}

test('a shared comparison opens for anyone, read-only, with nothing else of the instance; revoked, it is gone', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const poet = uniqueModel('share-poet:7b');
  const rival = uniqueModel('share-rival');
  await scriptModel(request, 'ollama', {
    id: poet,
    tokensPerSecond: 400,
    ttftMs: 30,
    reasoningStyle: 'think-tags',
    reasoning: '藏头诗：每行以新、年、快、乐开头。',
    answer: poem,
  });
  await scriptModel(request, 'openai', { id: rival, tokensPerSecond: 200, ttftMs: 30 });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model: poet },
      { kind: 'openai', model: rival },
    ],
    '用"新年快乐"写一首藏头诗',
  );
  await page.goto(`/c/${conversationId}`);
  await expect(page.getByTestId('speed-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('verdict-option').filter({ hasText: poet }).click();

  await page.getByTestId('share-button').click();
  await page.getByTestId('create-share').click();
  const link = page.getByTestId('share-link').first();
  await expect(link).toBeVisible();
  const path = (await link.getAttribute('href')) ?? '';
  expect(path).toMatch(/^\/s\/[\w-]{22}$/);
  await page.screenshot({ path: 'screenshots/share-dialog.png' });
  await page.goto('/shares');
  await expect(page.getByTestId('share-row')).not.toHaveCount(0);
  await page.screenshot({ path: 'screenshots/shares-page.png' });
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(`/c/${conversationId}`);
  await page.getByTestId('share-button').click();

  const desk = await recipient(browser);
  const guest = await desk.newPage();
  const answer = await guest.goto(path);
  expect(answer?.status()).toBe(200);
  const columns = guest.getByTestId('column');
  await expect(columns).toHaveCount(2);
  await expect(columns.first()).toContainText(poet);
  // The poem keeps its lines: each starts with the next character of 新年快乐.
  // biome-ignore lint/performance/useDomNodeTextContent: the lines as rendered are the point.
  const lines = (await guest.getByTestId('cell').first().innerText())
    .split('\n')
    .filter((line) => /^[新年快乐]/.test(line));
  expect(lines.map((line) => line[0])).toEqual(['新', '年', '快', '乐']);
  await expect(guest.getByTestId('metrics').first()).toContainText('tok/s');
  await expect(guest.getByTestId('verdict-shown')).toContainText(poet);
  // Read-only, and nothing else of the instance.
  await expect(guest.getByRole('textbox')).toHaveCount(0);
  await expect(guest.getByTestId('retry-button')).toHaveCount(0);
  await expect(guest.getByRole('navigation', { name: 'Conversations' })).toHaveCount(0);
  const html = await guest.content();
  expect(html).not.toContain(conversationId);
  expect(html).not.toContain(`:${new URL(E2E.fakeUrl('ollama')).port}`);
  expect(html).not.toContain(`:${new URL(E2E.fakeUrl('openai')).port}`);
  await expect(guest.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(guest.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    new RegExp(`${path}/image$`),
  );
  await expect(guest.locator('meta[property="og:description"]')).toHaveAttribute(
    'content',
    new RegExp(`${poet}.*tok/s.*Best: ${poet}`),
  );
  // The link preview's image: drawn on the server, Chinese included, kept by no cache.
  const image = await guest.request.get(`${path}/image`);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect(image.headers()['cache-control']).toMatch(/no-cache|no-store/);
  mkdirSync('screenshots', { recursive: true });
  writeFileSync('screenshots/share-preview-image.png', await image.body());
  await guest.screenshot({ path: 'screenshots/share-desktop.png' });
  expect(await axeViolations(guest)).toEqual([]);

  const phoneContext = await recipient(browser, { phone: true, dark: true });
  const phone = await phoneContext.newPage();
  await phone.goto(path);
  await expect(phone.getByRole('tab')).toHaveCount(2);
  await phone.screenshot({ path: 'screenshots/share-phone-dark.png' });
  expect(await axeViolations(phone)).toEqual([]);
  await phoneContext.close();

  // Revoked from the dialog: the link answers 404 at once.
  await page.getByTestId('revoke-share').first().click();
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  expect((await guest.goto(path))?.status()).toBe(404);
  expect((await guest.request.get(`${path}/image`)).status()).toBe(404);
  await desk.close();
});

test('a blind challenge hides both models from each recipient until they vote, once', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const a = uniqueModel('challenge-r1:7b');
  const b = uniqueModel('challenge-r1:32b');
  const answer = '12 只鸡，13 只兔。';
  await scriptModel(request, 'ollama', { id: a, tokensPerSecond: 300, ttftMs: 20, answer });
  await scriptModel(request, 'deepseek', { id: b, tokensPerSecond: 300, ttftMs: 20, answer });
  await request.get('/api/backends?fresh=1');
  const started = await request.post('/api/battles', {
    data: {
      pool: [
        { backendId: 'ollama', model: a },
        { backendId: 'deepseek', model: b },
      ],
    },
  });
  const { battle } = (await started.json()) as { battle: { id: string } };
  await request.post(`/api/conversations/${battle.id}/turns`, {
    data: { prompt: '25 个头，76 只脚，鸡兔各几只？' },
  });
  await expect
    .poll(
      async () => {
        const shared = await request.post(`/api/conversations/${battle.id}/shares`, {
          data: { blind: true },
        });
        return shared.ok() ? ((await shared.json()) as { share: { path: string } }).share.path : '';
      },
      { timeout: 30_000 },
    )
    .toMatch(/^\/s\//);
  const listed = await request.get(`/api/shares?conversation=${battle.id}`);
  const [share] = ((await listed.json()) as { shares: { path: string }[] }).shares;
  const path = share?.path ?? '';

  const phoneContext = await recipient(browser, { phone: true });
  const guest = await phoneContext.newPage();
  // The battle's blindness rule, checked the same way on everything the share page sends.
  const stopCapture = captureReceived(guest);
  await guest.goto(path);
  await expect(guest.getByTestId('vote-a')).toBeEnabled();
  const received = await stopCapture();
  expect(received.some((body) => body.url.endsWith(path))).toBe(true);
  expectNothingNamed(received, [
    a,
    b,
    'Ollama',
    'DeepSeek',
    `:${new URL(E2E.fakeUrl('ollama')).port}`,
    `:${new URL(E2E.fakeUrl('deepseek')).port}`,
  ]);
  await guest.screenshot({ path: 'screenshots/share-blind-phone.png' });
  expect(await axeViolations(guest)).toEqual([]);

  await guest.getByTestId('vote-b').click();
  const revealed = guest.getByTestId('revealed-model');
  await expect(revealed).toHaveCount(2);
  expect((await revealed.allTextContents()).sort()).toEqual([a, b].sort());
  await expect(guest.getByTestId('share-tally')).toContainText('1 vote so far');
  await guest.screenshot({ path: 'screenshots/share-blind-revealed-phone.png' });
  // The same browser again: refused, even by the API; a reload still shows the reveal.
  const slug = path.split('/').at(-1);
  const again = await guest.request.post(`/api/s/${slug}/vote`, { data: { outcome: 'a' } });
  expect(again.status()).toBe(409);
  await guest.reload();
  await expect(guest.getByTestId('share-tally')).toContainText('1 vote so far');

  // Another recipient starts blind, and their vote joins the tally.
  const otherContext = await recipient(browser);
  const other = await otherContext.newPage();
  await other.goto(path);
  await expect(other.getByTestId('column').first()).toContainText('Model A');
  await other.getByTestId('vote-tie').click();
  await expect(other.getByTestId('share-tally')).toContainText('2 votes so far');
  await otherContext.close();
  await phoneContext.close();

  // The owner's battle is untouched: still blind, still theirs to vote on.
  const own = await request.get(`/api/conversations/${battle.id}`);
  const view = (await own.json()) as { conversation: { battle: { revealed: boolean } } };
  expect(view.conversation.battle.revealed).toBe(false);
});
