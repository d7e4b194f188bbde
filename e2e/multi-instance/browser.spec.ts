import { expect, test } from '@playwright/test';
import type { ConversationView } from '@/lib/api/views';
import { ComparePage } from '../support/compare-page';
import { scriptOllamaModel } from './api';

// A browser through nginx: it signs in, and its writes carry its Origin, which the instances
// compare with the Host that nginx passes on (port included); the answer streams into the page
// over an EventSource through nginx (proxy_buffering off), a token at a time.

const run = Date.now().toString(36);
const models = [`mi-browser-a-${run}`, `mi-browser-b-${run}`];
const words = (count: number) => Array.from({ length: count }, (_, n) => `word${n}`).join(' ');

test('a browser signs in, sends a prompt and watches the answer stream through nginx', async ({
  page,
}) => {
  for (const id of models)
    await scriptOllamaModel({ id, tokensPerSecond: 20, ttftMs: 20, answer: words(200) });
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill('ada@multi.test');
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Ada');

  // The page's own fetch: a same-origin write, as the composer makes it.
  const id = await page.evaluate(
    async (lineup) => {
      const created = await fetch('/api/conversations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lineup }),
      });
      if (created.status !== 201)
        throw new Error(`create: ${created.status} ${await created.text()}`);
      const { conversation } = (await created.json()) as { conversation: ConversationView };
      const turn = await fetch(`/api/conversations/${conversation.id}/turns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'Count for me.' }),
      });
      if (turn.status !== 201) throw new Error(`turn: ${turn.status} ${await turn.text()}`);
      return conversation.id;
    },
    models.map((model) => ({ backendId: 'ollama', model, params: {} })),
  );

  const compare = new ComparePage(page);
  await compare.open(id);
  // Live, not in one lump at the end: the text grows while the answer is still being written.
  await expect(compare.content(0)).toContainText('word10');
  const early = (await compare.content(0).textContent()) ?? '';
  await expect(compare.content(0)).toContainText('word40');
  expect(early).not.toContain('word199');
  // Stop from the page: a write with the browser's Origin, whichever instance it reaches.
  for (const position of [0, 1]) {
    await compare.cells(position).last().getByTestId('stop-button').click();
    await expect(compare.status(position)).toHaveText(/stopped/i);
  }
});
