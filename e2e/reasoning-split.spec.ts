import { expect, test } from '@playwright/test';
import { ComparePage } from './support/compare-page';
import { scriptModel, startComparison, uniqueModel, words } from './support/fakes';

test('a trace sent as plain text is not shown as an answer until the model closes it', async ({
  page,
  request,
}) => {
  const model = uniqueModel('R1-Distill-no-parser');
  // vLLM without a reasoning parser: the trace arrives as content, then a bare </think>.
  await scriptModel(request, 'openai', {
    id: model,
    reasoningStyle: 'closing-tag',
    tokensPerSecond: 12,
    ttftMs: 50,
    // Long enough that a busy machine's page load still lands mid-trace.
    reasoning: `Let x be the chickens. ${words(120, 'think')}`,
    answer: 'ANSWER: 12 chickens and 13 rabbits.',
  });
  const stopped = uniqueModel('R1-Distill-stopped');
  await scriptModel(request, 'openai', {
    id: stopped,
    reasoningStyle: 'closing-tag',
    tokensPerSecond: 12,
    ttftMs: 50,
    reasoning: `Hmm. ${words(200, 'think')}`,
    answer: 'never reached',
  });
  const { conversationId } = await startComparison(
    request,
    [
      { kind: 'openai', model },
      { kind: 'openai', model: stopped },
    ],
    '一个笼子里有鸡和兔子，一共有25个头和76只脚。',
  );
  const compare = new ComparePage(page);
  await compare.open(conversationId);
  const cell = compare.cells(0).last();

  // While the trace streams as text: labelled undecided, nothing to copy as the answer.
  await expect(cell.getByTestId('undecided-note')).toHaveText(/Reasoning or answer\?/);
  await expect(compare.content(0)).toContainText('Let x be the chickens.');
  await expect(cell.getByTestId('copy-answer')).toHaveCount(0);

  // The bare </think> moves it into the reasoning; the answer is the answer (the trace takes
  // about 10 s at 12 tokens/s).
  await expect(compare.status(0)).toHaveText(/done/i, { timeout: 40_000 });
  await expect(cell.getByTestId('undecided-note')).toHaveCount(0);
  await expect(compare.content(0)).toHaveText('ANSWER: 12 chickens and 13 rabbits.');
  await cell.getByTestId('reasoning-toggle').click();
  await expect(compare.reasoning(0)).toContainText('Let x be the chickens.');
  await expect(cell.getByTestId('copy-answer')).toBeVisible();
  // Time to first answer token beside time to first token.
  await expect(cell.getByTestId('metrics')).toContainText(/TTFT \d+ ms · answer [\d.]+ (ms|s)/);

  // Stopped before its </think>: it stays undecided, not promoted to an answer.
  await compare.stop(1);
  await compare.expectStatus(1, 'stopped');
  const other = compare.cells(1).last();
  await expect(other.getByTestId('undecided-note')).toHaveText(/Cut off before/);
  await expect(other.getByTestId('copy-answer')).toHaveCount(0);
});
