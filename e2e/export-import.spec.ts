import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

const POEM = '春风拂面柳丝长\n眠去梦回花满堂\n不问东君归何处\n觉来一院海棠香';

test('Export → JSON, import it on the Account page: the same conversation, new ids', async ({
  page,
  request,
}) => {
  const poet = uniqueModel('poet');
  const other = uniqueModel('other');
  await scriptModel(request, 'ollama', {
    id: poet,
    ttftMs: 20,
    tokensPerSecond: 400,
    answer: POEM,
  });
  await scriptModel(request, 'openai', { id: other, ttftMs: 20, tokensPerSecond: 400 });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'ollama', model: poet },
      { kind: 'openai', model: other },
    ],
    '写一首藏头诗，藏“春眠不觉”',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await compare.expectStatus(0, 'done');
  await compare.expectStatus(1, 'done');

  await page.getByTestId('export-menu').click();
  const markdownDownload = page.waitForEvent('download');
  await page.getByTestId('export-markdown').click();
  const markdown = await readFile((await (await markdownDownload).path()) ?? '', 'utf8');
  expect((await markdownDownload).suggestedFilename()).toMatch(/\.md$/);
  expect(markdown).toContain('春风拂面柳丝长  \n眠去梦回花满堂');

  await page.getByTestId('export-menu').click();
  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await jsonDownload).path();
  const exported = JSON.parse(await readFile(file ?? '', 'utf8')) as { exportedAt: string };

  await page.goto('/account');
  await page.screenshot({ path: 'screenshots/account-import-export.png', fullPage: true });
  await page.getByTestId('import-conversation').setInputFiles(file ?? '');
  await page.waitForURL(
    (url) => url.pathname.startsWith('/c/') && !url.pathname.endsWith(conversationId),
  );
  const importedId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  await expect(compare.content(0)).toHaveText(/春风拂面柳丝长\s*眠去梦回花满堂/);

  const again = await request.get(`/api/conversations/${importedId}/export`);
  expect(again.headers()['content-disposition']).toMatch(/^attachment; filename="/);
  const { exportedAt: _first, ...before } = exported;
  const { exportedAt: _second, ...after } = (await again.json()) as { exportedAt: string };
  expect(after).toEqual(before);
  await request.delete(`/api/conversations/${importedId}`);
  await request.delete(`/api/conversations/${conversationId}`);
});
