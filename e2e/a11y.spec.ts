import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { E2E } from './ports';
import { richAnswer } from './support/answers';
import { axeViolations } from './support/axe';
import { scriptModel, sendWhenIdle, startComparison, uniqueModel } from './support/fakes';
import { acrosticPoem, acrosticPrompt, acrosticReasoning } from './support/seed-prompts';

// WCAG 2.2 AA as axe-core checks it, on the new-comparison screen, a finished conversation,
// the battle and leaderboard screens, in both colour schemes and on a phone (a battle's reveal
// and a leaderboard with ratings: e2e/battle.spec.ts).

type Scheme = 'light' | 'dark';
const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };

/**
 * A page in a colour scheme from its first paint: switching the scheme under a live page left
 * some boxes in the old one.
 */
async function openPage(
  browser: Browser,
  scheme: Scheme,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ baseURL: E2E.appUrl, colorScheme: scheme, viewport });
  return { context, page: await context.newPage() };
}

/** Waits until the latest turn of a conversation is over. */
async function untilFinished(request: APIRequestContext, conversationId: string) {
  await expect
    .poll(async () => {
      const response = await request.get(`/api/conversations/${conversationId}`);
      const { conversation } = (await response.json()) as {
        conversation: { turns: { messages: { status: string }[] }[] };
      };
      return conversation.turns
        .at(-1)
        ?.messages.every((message) => !['pending', 'streaming'].includes(message.status));
    })
    .toBe(true);
}

/**
 * Two finished turns of three reasoning models, two on one backend (the "shared" marks): the
 * first a rich answer (formulas, a table, highlighted code, a task list, a link), the second a
 * poem, which the first model fails mid-answer.
 */
async function seedConversation(request: APIRequestContext): Promise<string> {
  const lineup = [
    { kind: 'ollama', model: uniqueModel('a11y-r1:7b'), style: 'think-tags' },
    { kind: 'ollama', model: uniqueModel('a11y-r1:14b'), style: 'think-tags' },
    { kind: 'deepseek', model: uniqueModel('a11y-reasoner'), style: 'field' },
  ] as const;
  const turns = [
    {
      prompt: 'A farm has 35 heads and 94 legs. How many chickens and rabbits?',
      answer: richAnswer,
    },
    { prompt: acrosticPrompt, answer: acrosticPoem, fail: 0 },
  ];
  let conversationId = '';
  for (const [index, turn] of turns.entries()) {
    await Promise.all(
      lineup.map((slot, position) =>
        scriptModel(request, slot.kind, {
          id: slot.model,
          reasoningStyle: slot.style,
          reasoning: acrosticReasoning,
          answer: turn.answer,
          tokensPerSecond: 400 + position * 150,
          ttftMs: 40 + position * 30,
          ...(turn.fail === position
            ? {
                fault: {
                  kind: 'error-mid-stream' as const,
                  afterTokens: 10,
                  message: 'CUDA out of memory',
                },
              }
            : {}),
        }),
      ),
    );
    if (index === 0) {
      ({ conversationId } = await startComparison(request, [...lineup], turn.prompt));
    } else {
      await sendWhenIdle(request, conversationId, turn.prompt);
    }
    await untilFinished(request, conversationId);
  }
  return conversationId;
}

/** The conversation once everything on it has rendered: Markdown, KaTeX and highlighting. */
async function openConversation(page: Page, conversationId: string) {
  await page.goto(`/c/${conversationId}`);
  await expect(page.getByTestId('speed-summary')).toHaveCount(2);
  const firstCell = page.locator('[data-testid="cell"][data-slot-position="0"]').first();
  await expect(firstCell.locator('.katex').first()).toBeVisible();
  await expect(firstCell.locator('.hljs-keyword').first()).toBeVisible();
  await expect(page.getByTestId('column-error')).not.toHaveCount(0);
  // An open reasoning trace, so its text is checked too.
  await firstCell.getByTestId('reasoning-toggle').click();
  await expect(firstCell.getByTestId('message-reasoning')).toBeVisible();
}

let conversationId = '';

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: E2E.appUrl });
  conversationId = await seedConversation(request);
  await request.dispose();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the new-comparison screen has no axe violations (${scheme})`, async ({ browser }) => {
    const { context, page } = await openPage(browser, scheme, desktop);
    await page.goto('/');
    await expect(page.getByTestId('lineup-slot')).not.toHaveCount(0);
    await expect(page.getByTestId('sidebar-conversation')).not.toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test(`a finished conversation has no axe violations (${scheme})`, async ({ browser }) => {
    const { context, page } = await openPage(browser, scheme, desktop);
    await openConversation(page, conversationId);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test(`a finished conversation on a phone has no axe violations (${scheme})`, async ({
    browser,
  }) => {
    const { context, page } = await openPage(browser, scheme, phone);
    await openConversation(page, conversationId);
    expect(await axeViolations(page)).toEqual([]);
    // The conversations drawer, over the page.
    await page.getByRole('button', { name: 'Show conversations' }).click();
    await expect(page.getByTestId('sidebar-conversation').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test(`the battle and leaderboard screens have no axe violations (${scheme})`, async ({
    browser,
  }) => {
    const { context, page } = await openPage(browser, scheme, desktop);
    await page.goto('/battle');
    await expect(page.getByTestId('pool-model')).not.toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/leaderboard?named=1&style=1');
    await expect(page.getByTestId('vote-count')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
}
