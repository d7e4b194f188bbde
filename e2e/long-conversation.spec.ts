import { expect, test } from '@playwright/test';
import { ComparePage } from './support/compare-page';
import { scriptModel, sendWhenIdle, startComparison, uniqueModel } from './support/fakes';

const TURNS = 13;
const shots = process.env.VERSUS_SHOTS_DIR ?? 'screenshots';

test('a long conversation opens on its latest prompts and pages back to the first', async ({
  page,
  request,
}) => {
  const models = [uniqueModel('long-a'), uniqueModel('long-b')];
  for (const id of models) {
    await scriptModel(request, 'openai', {
      id,
      tokensPerSecond: 2000,
      ttftMs: 5,
      reasoningStyle: 'reasoning-field',
      reasoning: `Thinking about ${id}.`,
      answer: `Answer from ${id}.`,
    });
  }
  const lineup = models.map((model) => ({ kind: 'openai' as const, model }));
  const { conversationId } = await startComparison(request, lineup, 'Question 1');
  for (let index = 2; index <= TURNS; index++) {
    await sendWhenIdle(request, conversationId, `Question ${index}`);
  }

  const compare = new ComparePage(page);
  await compare.open(conversationId);
  const rows = compare.turns();
  // The latest ten, the newest last.
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText(`Question ${TURNS - 9}`);
  await expect(rows.last()).toContainText(`Question ${TURNS}`);
  await compare.expectStatus(0, 'done');

  const earlier = page.getByTestId('earlier-turns');
  await expect(earlier).toHaveText(`Show earlier prompts · ${TURNS - 10} more`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('compare-scroll').evaluate((scroller) => scroller.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/long-conversation.png` });
  await earlier.click();
  // Every column gets them (a row holds them all), and the button goes once nothing precedes.
  await expect(rows).toHaveCount(TURNS);
  await expect(rows.first()).toContainText('Question 1');
  for (const position of [0, 1]) await expect(compare.cells(position)).toHaveCount(TURNS);
  await expect(earlier).toHaveCount(0);
  const first = compare.cells(0).first();
  await expect(first).toContainText(`Answer from ${models[0]}.`);
  // An earlier answer's reasoning opens on demand.
  await first.getByTestId('reasoning-toggle').click();
  await expect(first.getByTestId('message-reasoning')).toHaveText(`Thinking about ${models[0]}.`);
});
