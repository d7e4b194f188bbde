import { expect, test } from '@playwright/test';
import { E2E } from './ports';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel } from './support/fakes';

test('Retry keeps both attempts; the one on show is what the follow-up sends', async ({
  page,
  request,
}) => {
  const model = uniqueModel('retried');
  const steady = uniqueModel('steady');
  const script = (answer: string, tokensPerSecond: number) =>
    scriptModel(request, 'openai', { id: model, ttftMs: 30, tokensPerSecond, answer });
  await script('FIRST attempt answer.', 400);
  await scriptModel(request, 'ollama', { id: steady, ttftMs: 30, tokensPerSecond: 400 });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'openai', model },
      { kind: 'ollama', model: steady },
    ],
    'Say something.',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  await compare.expectStatus(0, 'done');
  await expect(compare.content(0)).toHaveText('FIRST attempt answer.');

  // A second attempt, slower, with its own figures.
  await script('SECOND attempt answer.', 60);
  await compare.cells(0).last().getByTestId('retry-button').click();
  const switcher = compare.cells(0).last().getByTestId('attempt-switcher');
  await expect(switcher).toHaveText('Attempt 2/2');
  await expect(compare.content(0)).toHaveText('SECOND attempt answer.');
  await compare.expectStatus(0, 'done');
  const secondFigures = await compare.cells(0).last().getByTestId('metrics').textContent();

  // Back to the first: its own text and figures.
  await compare.cells(0).last().getByRole('button', { name: 'Previous attempt' }).click();
  await expect(switcher).toHaveText('Attempt 1/2');
  await expect(compare.content(0)).toHaveText('FIRST attempt answer.');
  await expect(compare.cells(0).last().getByTestId('metrics')).not.toHaveText(secondFigures ?? '');
  // The choice is kept: a reload shows the same attempt.
  await page.reload();
  await expect(compare.cells(0).last().getByTestId('attempt-switcher')).toHaveText('Attempt 1/2');

  // The follow-up goes on from the attempt on show.
  await page.getByTestId('composer-input').fill('And then?');
  await page.getByTestId('composer-input').press('Enter');
  await expect(compare.turns()).toHaveCount(2);
  await compare.expectStatus(0, 'done');
  const runs = (await (await request.get(`${E2E.fakeUrl('openai')}/__fake/runs`)).json()) as {
    runs: { model: string; request: { messages: { role: string; content: string }[] } }[];
  };
  const followUp = runs.runs.filter((run) => run.model === model).at(-1);
  expect(followUp?.request.messages.map((message) => [message.role, message.content])).toEqual([
    ['user', 'Say something.'],
    ['assistant', 'FIRST attempt answer.'],
    ['user', 'And then?'],
  ]);
});
