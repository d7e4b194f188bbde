import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { snakeGame } from './support/answers';
import { ComparePage } from './support/compare-page';
import { scriptModel, sendWhenIdle, startComparison, uniqueModel, words } from './support/fakes';
import {
  acrosticPoem,
  acrosticPrompt,
  acrosticReasoning,
  chickensAnswer,
  chickensPrompt,
  chickensReasoning,
  snakePrompt,
} from './support/seed-prompts';

const shots = process.env.VERSUS_SHOTS_DIR ?? 'screenshots';

type Kind = 'ollama' | 'openai' | 'deepseek';
const lineup: { kind: Kind; style: 'think-tags' | 'closing-tag' | 'field' }[] = [
  { kind: 'ollama', style: 'think-tags' },
  { kind: 'openai', style: 'closing-tag' },
  { kind: 'deepseek', style: 'field' },
];

/** Each turn's answers per column: of different lengths, so rows have different heights. */
const turns = [
  {
    prompt: acrosticPrompt,
    answers: [
      acrosticPoem,
      `${acrosticPoem}\n\n每句开头连起来正是“新年快乐万事如意”。`,
      acrosticPoem,
    ],
    reasoning: acrosticReasoning,
  },
  {
    prompt: chickensPrompt,
    answers: [chickensAnswer, `鸡 12 只，兔 13 只。`, `${chickensAnswer}\n\n${words(60)}`],
    reasoning: chickensReasoning,
  },
  {
    prompt: snakePrompt,
    answers: [
      snakeGame({ colour: '#22c55e', fragment: false }),
      '抱歉，我只能给出思路：用 canvas 画格子，用数组存蛇身，用定时器移动。',
      snakeGame({ colour: '#38bdf8', fragment: true }),
    ],
    reasoning: '先画棋盘，再处理方向键，最后检测碰撞。',
  },
];

async function scriptTurn(request: APIRequestContext, models: string[], turn: number) {
  const script = turns[turn];
  if (!script) throw new Error(`no turn ${turn}`);
  const { answers, reasoning } = script;
  await Promise.all(
    lineup.map(({ kind, style }, index) =>
      scriptModel(request, kind, {
        id: models[index] ?? '',
        reasoningStyle: style,
        reasoning,
        answer: answers[index] ?? '',
        tokensPerSecond: 400 + index * 150,
        ttftMs: 40 + index * 30,
      }),
    ),
  );
}

/** The conversation of the three seed prompts across the three backend kinds. */
async function seedConversation(page: Page, request: APIRequestContext) {
  const models = [
    uniqueModel('deepseek-r1:7b'),
    uniqueModel('R1-Distill-Qwen-32B'),
    uniqueModel('deepseek-reasoner'),
  ];
  await scriptTurn(request, models, 0);
  const { conversationId } = await startComparison(
    request,
    lineup.map(({ kind }, index) => ({ kind, model: models[index] ?? '' })),
    turns[0]?.prompt ?? '',
  );
  const compare = new ComparePage(page);
  // The latest turn is over when all its answers are done.
  const latestDone = async () => {
    const response = await request.get(`/api/conversations/${conversationId}`);
    const { conversation } = (await response.json()) as {
      conversation: { turns: { messages: { status: string }[] }[] };
    };
    return conversation.turns.at(-1)?.messages.every((message) => message.status === 'done');
  };
  for (const turn of [1, 2]) {
    // The next answers are scripted once this turn is over (the fakes answer by model).
    await expect.poll(latestDone).toBe(true);
    await scriptTurn(request, models, turn);
    await sendWhenIdle(request, conversationId, turns[turn]?.prompt ?? '');
  }
  await expect.poll(latestDone).toBe(true);
  await compare.open(conversationId);
  await expect(compare.turns()).toHaveCount(3);
  return compare;
}

test('turns are rows: every answer to a prompt starts at the same height, under sticky headers', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const compare = await seedConversation(page, request);

  for (const row of await compare.turns().all()) {
    const tops = await row
      .getByTestId('cell')
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);
  }
  // The rows' heights differ, so this is the grid's doing, not equal answers.
  const heights = await compare
    .turns()
    .evaluateAll((rows) => rows.map((row) => Math.round(row.getBoundingClientRect().height)));
  expect(new Set(heights).size).toBe(3);

  // The poem keeps its eight lines, each starting with its character. It is an earlier turn's
  // answer, so it is laid out (and has an innerText) once it is near the view, a frame later.
  const poem = compare.cells(0).first().getByTestId('message-content');
  await poem.scrollIntoViewIfNeeded();
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines (<br>) are the point.
  const renderedLines = async () => (await poem.innerText()).split('\n').filter(Boolean);
  await expect.poll(renderedLines).toHaveLength(8);
  const lines = await renderedLines();
  expect(lines.map((line) => line[0]).join('')).toBe('新年快乐万事如意');

  await page.screenshot({ path: `${shots}/compare-rows-bottom.png` });
  await page.getByTestId('compare-scroll').evaluate((element) => {
    element.scrollTop = 0;
  });
  await page.screenshot({ path: `${shots}/compare-rows-desktop.png` });
  // Scrolled to the middle of the conversation, the headers are still at the top.
  const scroller = page.getByTestId('compare-scroll');
  await scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight / 2;
  });
  const scrollerTop = (await scroller.boundingBox())?.y ?? 0;
  for (const position of [0, 1, 2]) {
    expect(Math.round((await compare.columns().nth(position).boundingBox())?.y ?? -1)).toBe(
      Math.round(scrollerTop),
    );
  }
  await page.screenshot({ path: `${shots}/compare-rows-scrolled.png` });
  await expect(page.getByTestId('speed-summary')).toHaveCount(3);

  // Widen one column for a moment, hide another, bring it back.
  const widthOf = async (position: number) =>
    (await compare.columns().nth(position).boundingBox())?.width ?? 0;
  const before = await widthOf(2);
  await compare.columns().nth(2).getByTestId('widen-column').click();
  expect(await widthOf(2)).toBeGreaterThan(before * 1.5);
  await compare.columns().nth(1).getByTestId('hide-column').click();
  await expect(compare.columns()).toHaveCount(2);
  await expect(compare.cells(1)).toHaveCount(0);
  await page.getByTestId('show-column').click();
  await expect(compare.columns()).toHaveCount(3);
  await compare.columns().nth(2).getByTestId('widen-column').click();
  expect(Math.abs((await widthOf(2)) - before)).toBeLessThan(2);

  // Dark, from a fresh load: switching the scheme under a live page left some boxes light.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(compare.turns()).toHaveCount(3);
  await page.getByTestId('compare-scroll').evaluate((element) => {
    element.scrollTop = 0;
  });
  await page.screenshot({ path: `${shots}/compare-rows-dark.png` });
});

test('on a phone the columns are tabs, and switching tab keeps the same turn in view', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const compare = await seedConversation(page, request);
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveCount(3);
  const scroller = page.getByTestId('compare-scroll');
  const rowTop = async (index: number) => {
    const box = await compare.turns().nth(index).boundingBox();
    const frame = await scroller.boundingBox();
    return Math.round((box?.y ?? 0) - (frame?.y ?? 0));
  };
  // Turn 2 a little below the top of the view.
  await compare
    .turns()
    .nth(1)
    .evaluate((row) => row.scrollIntoView());
  await scroller.evaluate((element) => {
    element.scrollTop -= 40;
  });
  const kept = await rowTop(1);
  await page.screenshot({ path: `${shots}/compare-rows-phone.png` });
  for (const index of [1, 2, 0]) {
    await tabs.nth(index).click();
    await expect(tabs.nth(index)).toHaveAttribute('aria-selected', 'true');
    await expect(compare.cells(index)).toHaveCount(3);
    expect(Math.abs((await rowTop(1)) - kept)).toBeLessThanOrEqual(2);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(compare.turns()).toHaveCount(3);
  await page.screenshot({ path: `${shots}/compare-rows-phone-dark.png` });
});
