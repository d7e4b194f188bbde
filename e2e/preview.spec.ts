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

  const compare = await startSnakes(page, request);
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
  await expect(compare.columns()).toHaveCount(2);
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
  await page.screenshot({ path: `${shots}/preview-column-desktop.png` });
  await column.getByTestId('preview-button').click();
  await expect(preview).toHaveCount(0);
});
