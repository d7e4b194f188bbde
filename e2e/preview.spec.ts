import { expect, type Frame, type Locator, type Page, test } from '@playwright/test';
import { E2E } from './ports';
import { snakeGame } from './support/answers';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

const shots = process.env.VERSUS_SHOTS_DIR ?? 'screenshots';

async function frameOf(iframe: Locator): Promise<Frame> {
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no frame behind the iframe');
  return frame;
}

const canvasPixels = (frame: Frame) =>
  frame.evaluate(() => (document.getElementById('board') as HTMLCanvasElement).toDataURL());

async function expectRunning(frame: Frame) {
  const first = await canvasPixels(frame);
  await expect.poll(() => canvasPixels(frame), { timeout: 3_000 }).not.toBe(first);
}

async function startSnakes(page: Page, request: Parameters<typeof scriptModel>[0]) {
  const models = [uniqueModel('snake-full'), uniqueModel('snake-parts')] as const;
  await scriptModel(request, 'openai', {
    id: models[0],
    tokensPerSecond: 800,
    ttftMs: 30,
    answer: snakeGame({ colour: '#22c55e', fragment: false }),
  });
  await scriptModel(request, 'deepseek', {
    id: models[1],
    tokensPerSecond: 800,
    ttftMs: 30,
    answer: snakeGame({ colour: '#38bdf8', fragment: true }),
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'openai', model: models[0] },
      { kind: 'deepseek', model: models[1] },
    ],
    'Write a snake game that runs in the browser.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  for (const position of [0, 1]) await compare.expectStatus(position, 'done');
  return compare;
}

test('"Preview all" runs two snake games side by side, sandboxed', async ({
  page,
  request,
  context,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const appRequestsFromFrames: string[] = [];
  page.on('request', (sent) => {
    if (sent.frame() !== page.mainFrame()) appRequestsFromFrames.push(sent.url());
  });
  const popups: string[] = [];
  page.on('popup', (popup) => popups.push(popup.url()));

  await startSnakes(page, request);
  // Secrets the app's origin holds, which a preview must not reach.
  await context.addCookies([{ name: 'versus-secret', value: 'cookie-s3cret', url: E2E.appUrl }]);
  await page.evaluate(() => localStorage.setItem('versus-secret', 'storage-s3cret'));
  const appUrl = page.url();

  await page.getByTestId('preview-all-button').click();
  const dialog = page.getByTestId('preview-all');
  await expect(dialog).toBeVisible();
  const iframes = dialog.locator('iframe');
  await expect(iframes).toHaveCount(2);
  for (const index of [0, 1]) {
    await expect(iframes.nth(index)).toHaveAttribute('sandbox', 'allow-scripts');
    expect(await iframes.nth(index).getAttribute('srcdoc')).toMatch(
      /^<!doctype html><html[^>]*><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'/,
    );
  }
  // Same size, side by side.
  const boxes = await Promise.all([0, 1].map((index) => iframes.nth(index).boundingBox()));
  expect(boxes[0]?.width).toBeCloseTo(boxes[1]?.width ?? 0, 0);
  expect(boxes[0]?.height).toBeCloseTo(boxes[1]?.height ?? 0, 0);
  expect(boxes[0]?.y).toBeCloseTo(boxes[1]?.y ?? 0, 0);

  const frames = await Promise.all([0, 1].map((index) => frameOf(iframes.nth(index))));
  for (const frame of frames) await expectRunning(frame);

  // Each game takes the keyboard when clicked, and only that one.
  await iframes.nth(0).click();
  await page.keyboard.press('ArrowUp');
  await expect
    .poll(() => frames[0]?.evaluate(() => (window as { direction?: string }).direction))
    .toBe('up');
  await iframes.nth(1).click();
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(() => frames[1]?.evaluate(() => (window as { direction?: string }).direction))
    .toBe('left');
  expect(await frames[0]?.evaluate(() => (window as { direction?: string }).direction)).toBe('up');

  // What each preview tried from inside its sandbox.
  for (const frame of frames) {
    await expect(frame.locator('#probe')).not.toBeEmpty();
    const probe = JSON.parse((await frame.locator('#probe').textContent()) ?? '{}');
    expect(probe).toEqual({
      parentDocument: 'blocked',
      cookie: 'blocked',
      localStorage: 'blocked',
      popup: 'blocked',
      topNavigation: 'blocked',
      fetch: 'blocked',
    });
  }
  expect(page.url()).toBe(appUrl);
  expect(popups).toEqual([]);
  expect(appRequestsFromFrames.filter((url) => url.startsWith('http'))).toEqual([]);
  await page.screenshot({ path: `${shots}/preview-all-desktop.png` });

  // Reload restarts one game; Full size covers the page and Escape leaves it.
  const reloadable = dialog.getByTestId('preview-all-frame').nth(1);
  await reloadable.getByTestId('preview-reload').click();
  await expectRunning(await frameOf(dialog.locator('iframe').nth(1)));
  await reloadable.getByTestId('preview-full').click();
  await expect(reloadable).toHaveAttribute('data-full', 'true');
  const full = await reloadable.boundingBox();
  expect(full?.width).toBe(1440);
  await page.keyboard.press('Escape');
  await expect(reloadable).not.toHaveAttribute('data-full', 'true');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/preview-all-phone.png` });
  await page.getByTestId('preview-all-close').click();
  await expect(dialog).toHaveCount(0);
  // On a phone the two columns are tabs.
  await expect(page.getByRole('tab')).toHaveCount(2);
});

test('"Preview" runs one HTML block inside its column', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const compare = await startSnakes(page, request);
  const column = compare.column(1);
  await column.getByTestId('preview-button').click();
  const preview = column.getByTestId('preview');
  await expect(preview).toBeVisible();
  const frame = await frameOf(preview.locator('iframe'));
  // A fragment runs with the answer's CSS and JS blocks.
  await expectRunning(frame);
  await expect(frame.locator('canvas')).toHaveCSS('border-radius', '6px');
  // The page is laid out wider than the column and scaled to it: the whole canvas shows.
  const iframe = preview.locator('iframe');
  const frameBox = await iframe.boundingBox();
  const canvasBox = await frame.locator('canvas').boundingBox();
  if (!frameBox || !canvasBox) throw new Error('no boxes');
  expect(await frame.evaluate(() => window.innerWidth)).toBeGreaterThanOrEqual(400);
  expect(canvasBox.x).toBeGreaterThanOrEqual(frameBox.x);
  expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
  expect(canvasBox.y + canvasBox.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
  await page.screenshot({ path: `${shots}/preview-column-desktop.png` });

  // Full size from inside a column covers the whole window, and Escape brings it back.
  await preview.getByTestId('preview-full').click();
  await expect(preview).toHaveAttribute('data-full', 'true');
  expect(await preview.boundingBox()).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  await expectRunning(frame);
  await page.screenshot({ path: `${shots}/preview-column-full.png` });
  await page.keyboard.press('Escape');
  await expect(preview).not.toHaveAttribute('data-full', 'true');
  await column.getByTestId('preview-button').click();
  await expect(preview).toHaveCount(0);
});

test("a game's alert shows above its preview; an answer still streaming says so in Preview all", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const models = [uniqueModel('alerting'), uniqueModel('still-writing')] as const;
  await scriptModel(request, 'openai', {
    id: models[0],
    tokensPerSecond: 800,
    ttftMs: 20,
    answer:
      '```html\n<canvas width="400" height="400"></canvas>\n<script>setTimeout(() => { alert("Game over"); alert("Game over"); }, 50)</script>\n```',
  });
  await scriptModel(request, 'deepseek', {
    id: models[1],
    tokensPerSecond: 4,
    ttftMs: 20,
    answer: `\`\`\`html\n<p>${'slow '.repeat(200)}</p>\n\`\`\``,
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'openai', model: models[0] },
      { kind: 'deepseek', model: models[1] },
    ],
    'Write a game that ends.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await compare.expectStatus(0, 'done');
  await compare.expectStatus(1, 'streaming');

  const column = compare.column(0);
  await column.getByTestId('preview-button').click();
  const notice = column.getByTestId('preview-dialog');
  await expect(notice).toContainText('The page says: Game over');
  await expect(notice).toContainText('×2');
  // The app is not blocked by a modal: its own controls still answer.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  await page.getByTestId('preview-all-button').click();
  const empty = page.getByTestId('preview-all').getByTestId('preview-all-empty');
  await expect(empty).toHaveText(/still being written/);
  await expect(page.getByTestId('preview-all').locator('iframe')).toHaveCount(1);
});
