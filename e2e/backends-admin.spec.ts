import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { E2E } from './ports';
import { axeViolations } from './support/axe';
import { ComparePage } from './support/compare-page';
import { scriptModel, uniqueModel, words } from './support/fakes';

// The Backends page (single-user mode's local user is the admin): add each kind, test it,
// rename it under a running comparison, a wrong key's exact error, disable one, and Ollama's
// pull with progress, cancel and delete. Screenshots go to SHOTS (not committed), to look at.
const SHOTS = process.env.VERSUS_SHOTS_DIR ?? 'screenshots';

/** The Backends page, by its test ids and labels. */
class BackendsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/backends');
    await expect(this.page.getByRole('heading', { name: 'Backends', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page
      .getByTestId('backend-row')
      .filter({ has: this.page.getByTestId('backend-name').getByText(name, { exact: true }) });
  }

  form(): Locator {
    return this.page.getByTestId('backend-form');
  }

  async fill(fields: { kind?: string; name?: string; url?: string; key?: string }) {
    const form = this.form();
    if (fields.kind) await form.getByLabel('Kind').selectOption(fields.kind);
    if (fields.name !== undefined) await form.getByLabel('Name', { exact: true }).fill(fields.name);
    if (fields.url !== undefined) await form.getByLabel('Base URL').fill(fields.url);
    if (fields.key !== undefined) await form.getByLabel('API key').fill(fields.key);
  }

  async testConnection(): Promise<Locator> {
    await this.form().getByTestId('test-connection').click();
    const result = this.form().getByTestId('test-result');
    await expect(result).toBeVisible();
    return result;
  }

  /** Adds a backend after testing it; `tested` looks at the test's result first. */
  async add(
    fields: { kind: string; name: string; url: string; key?: string },
    tested?: (result: Locator) => Promise<void>,
  ) {
    await this.page.getByTestId('add-backend').click();
    await this.fill(fields);
    const result = await this.testConnection();
    await expect(result).toHaveAttribute('data-ok', 'true');
    await tested?.(result);
    await this.form().getByRole('button', { name: 'Add backend' }).click();
    await expect(this.row(fields.name)).toBeVisible();
  }
}

/** The fake Ollama's pause between two lines of a pull: slow enough to watch and cancel. */
const pullPace = (request: APIRequestContext, stepMs: number) =>
  request.post(`${E2E.fakeUrl('ollama')}/__fake/pull-pace`, { data: { stepMs } });

async function backendIdOf(page: Page, name: string): Promise<string> {
  const answer = await page.request.get('/api/admin/backends');
  const { backends } = (await answer.json()) as { backends: { id: string; label: string }[] };
  const found = backends.find((backend) => backend.label === name);
  if (!found) throw new Error(`no backend named ${name}`);
  return found.id;
}

test('add each kind, test it, see a wrong key’s exact error, rename it under a running comparison', async ({
  page,
  request,
}) => {
  const backends = new BackendsPage(page);
  await backends.open();
  // The environment's backends are there, marked as such.
  await expect(backends.row('Ollama').getByText('environment')).toBeVisible();
  await expect(backends.row('DeepSeek').getByText('environment')).toBeVisible();

  await backends.add(
    { kind: 'ollama', name: 'Lab Ollama', url: E2E.fakeUrl('ollama') },
    async (result) => {
      await expect(result).toContainText(/Connected · version 0\.12\.3 · \d+ models/);
      await expect(result.getByTestId('model-row').first()).toContainText('Q4_K_M');
      await expect(result.getByTestId('model-row').first()).toContainText('thinking');
    },
  );
  await backends.add(
    { kind: 'openai', name: 'Lab vLLM', url: `${E2E.fakeUrl('openai')}/v1` },
    async (result) => {
      await expect(result.getByTestId('model-row').first()).toContainText('ctx');
      await expect(result.getByTestId('model-row').first()).toContainText('owned by vllm');
    },
  );

  // DeepSeek with a wrong key: the exact reason, in the API's own words.
  await page.getByTestId('add-backend').click();
  await backends.fill({
    kind: 'deepseek',
    name: 'Lab DeepSeek',
    url: E2E.fakeUrl('deepseek'),
    key: 'sk-invalid',
  });
  const refused = await backends.testConnection();
  await expect(refused).toHaveAttribute('data-ok', 'false');
  await expect(refused.getByTestId('test-error')).toHaveText(
    /^Lab DeepSeek rejected the API key \(HTTP 401\)\. .*Authentication Fails, Your api key: \*\*\*\*alid is invalid/,
  );
  await backends.fill({ key: 'sk-lab-secret-4242' });
  await expect(await backends.testConnection()).toHaveAttribute('data-ok', 'true');
  await backends.form().getByRole('button', { name: 'Add backend' }).click();
  await expect(backends.row('Lab DeepSeek')).toContainText('key ••••••••');

  // The key never comes back: not in the page, not in the API.
  await page.reload();
  expect(await page.content()).not.toContain('sk-lab-secret-4242');
  expect(await (await page.request.get('/api/admin/backends')).text()).not.toContain(
    'sk-lab-secret',
  );
  await expect(page.getByTestId('backend-change').first()).toContainText('create Lab DeepSeek');
  await expect(page.getByTestId('backend-change').first()).toContainText('API key changed');

  // A comparison on Lab vLLM, still running when the backend is renamed, beside Lab DeepSeek,
  // whose sealed key is opened for the request.
  const model = uniqueModel('R1-Distill-Qwen-32B');
  await scriptModel(request, 'openai', {
    id: model,
    tokensPerSecond: 4,
    ttftMs: 100,
    answer: words(200),
  });
  const fast = uniqueModel('deepseek-chat');
  await scriptModel(request, 'deepseek', {
    id: fast,
    tokensPerSecond: 200,
    answer: 'KEYED-ANSWER',
  });
  await page.request.get('/api/backends?fresh=1');
  const created = await page.request.post('/api/conversations', {
    data: {
      lineup: [
        { backendId: await backendIdOf(page, 'Lab vLLM'), model, params: {} },
        { backendId: await backendIdOf(page, 'Lab DeepSeek'), model: fast, params: {} },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { conversation } = (await created.json()) as { conversation: { id: string } };
  await page.request.post(`/api/conversations/${conversation.id}/turns`, {
    data: { prompt: 'hi' },
  });
  const compare = new ComparePage(page);
  await compare.open(conversation.id);
  await expect(compare.columns().first()).toContainText('Lab vLLM');
  await expect(compare.columns().first().getByTestId('column-backend-status')).toHaveAttribute(
    'data-state',
    'up',
  );
  await expect(compare.columns().nth(1)).toContainText('Lab DeepSeek');
  await expect(compare.content(1)).toContainText('KEYED-ANSWER');
  await expect(compare.status(1)).toHaveText(/done/i);

  await backends.open();
  await backends.row('Lab vLLM').getByTestId('row-edit').click();
  await backends.fill({ name: 'GPU box' });
  await backends.form().getByRole('button', { name: 'Save' }).click();
  await expect(backends.row('GPU box')).toBeVisible();
  await expect(page.getByTestId('backend-change').first()).toContainText(
    'label: Lab vLLM → GPU box',
  );

  await compare.open(conversation.id);
  await expect(compare.columns().first()).toContainText('GPU box');
  await expect(compare.status(0)).toHaveText(/streaming/i);
});

test('a disabled backend leaves the picker; one that is down says so, by its name', async ({
  page,
}) => {
  const backends = new BackendsPage(page);
  await backends.open();
  await backends.add({ kind: 'ollama', name: 'Spare Ollama', url: E2E.fakeUrl('ollama') });
  await page.getByTestId('add-backend').click();
  // Nothing listens on port 9 of loopback; reachable or not does not block saving.
  await backends.fill({ kind: 'openai', name: 'Dead box', url: 'http://127.0.0.1:9/v1' });
  const down = await backends.testConnection();
  await expect(down.getByTestId('test-error')).toHaveText(
    /^Could not reach Dead box: connection refused/,
  );
  await backends.form().getByRole('button', { name: 'Add backend' }).click();
  await expect(backends.row('Dead box').getByTestId('health-dot')).toHaveAttribute(
    'data-health',
    'error',
  );
  await expect(backends.row('Dead box').getByTestId('backend-health-error')).toContainText(
    'Could not reach Dead box',
  );

  await page.goto('/');
  const chip = (name: string) => page.getByTestId('backend-chip').filter({ hasText: name });
  await expect(chip('Spare Ollama')).toHaveAttribute('data-status', 'ok');
  await expect(chip('Dead box')).toHaveAttribute('data-status', 'error');
  await expect(chip('Dead box')).toContainText('unreachable');

  await backends.open();
  await backends.row('Spare Ollama').getByTestId('row-toggle').click();
  await expect(backends.row('Spare Ollama')).toContainText('disabled');
  await page.goto('/');
  await expect(page.getByTestId('backend-chip').first()).toBeVisible();
  await expect(chip('Spare Ollama')).toHaveCount(0);

  // Removed: gone from the page too; back on it, nothing of it is left but the audit trail.
  await backends.open();
  await backends.row('Dead box').getByTestId('row-remove').click();
  await backends.row('Dead box').getByTestId('confirm-remove').click();
  await expect(backends.row('Dead box')).toHaveCount(0);
  await expect(page.getByTestId('backend-change').first()).toContainText('remove Dead box');
});

test('pull an Ollama model with progress, cancel another, delete one with a confirmation', async ({
  page,
  request,
}) => {
  await pullPace(request, 120);
  // A model too big for the GPU, loaded by a chat: /api/ps puts 38 % of it on the CPU.
  const big = uniqueModel('big:32b');
  await scriptModel(request, 'ollama', {
    id: big,
    tokensPerSecond: 500,
    ttftMs: 5,
    details: { sizeBytes: 19_851_337_640, vramFraction: 0.62 },
  });
  await request.post(`${E2E.fakeUrl('ollama')}/api/chat`, {
    data: { model: big, messages: [{ role: 'user', content: 'hi' }], stream: false },
  });
  try {
    const backends = new BackendsPage(page);
    await backends.open();
    const row = backends.row('Ollama');
    await row.getByTestId('row-models').click();
    const panel = row.getByTestId('ollama-panel');
    await expect(panel.getByTestId('installed-model').first()).toBeVisible();
    await expect(panel.getByTestId('loaded-model').filter({ hasText: big })).toContainText(
      /62 % VRAM \/ 38 % CPU · until \d\d:\d\d/,
    );

    await panel.getByTestId('pull-model-name').fill('qwen2.5:0.5b');
    await panel.getByTestId('pull-start').click();
    const bar = panel.getByRole('progressbar');
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
      .toBeGreaterThan(10);
    await expect(panel.getByTestId('pull-status')).toHaveText(/^pulling [0-9a-f]{12}$/);
    await page.screenshot({ path: `${SHOTS}/backends-pull-desktop.png` });
    await expect(panel.getByTestId('pull-outcome')).toHaveText('Pulled qwen2.5:0.5b.', {
      timeout: 20_000,
    });
    await expect(panel.getByTestId('installed-models')).toContainText('qwen2.5:0.5b');

    await panel.getByTestId('pull-model-name').fill('gemma3:1b');
    await panel.getByTestId('pull-start').click();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
      .toBeGreaterThan(0);
    await panel.getByTestId('pull-cancel').click();
    await expect(panel.getByTestId('pull-outcome')).toHaveText('Cancelled the pull of gemma3:1b.');
    await expect
      .poll(async () => {
        const { pulls } = (await (
          await request.get(`${E2E.fakeUrl('ollama')}/__fake/pulls`)
        ).json()) as {
          pulls: { model: string; outcome: string }[];
        };
        return pulls.findLast((pull) => pull.model === 'gemma3:1b')?.outcome;
      })
      .toBe('aborted');
    await expect(panel.getByTestId('installed-models')).not.toContainText('gemma3:1b');

    await panel.getByTestId('pull-model-name').fill('no-such-model:1b');
    await panel.getByTestId('pull-start').click();
    await expect(panel.getByTestId('pull-outcome')).toHaveText(
      /^Ollama found no model named "no-such-model:1b" in the registry/,
    );

    const pulled = panel.getByTestId('installed-model').filter({ hasText: 'qwen2.5:0.5b' });
    await pulled.getByTestId('delete-model').click();
    await expect(pulled.getByRole('alertdialog')).toContainText('Delete qwen2.5:0.5b from Ollama?');
    await pulled.getByTestId('confirm-delete-model').click();
    await expect(panel.getByTestId('installed-models')).not.toContainText('qwen2.5:0.5b');
    await expect(page.getByTestId('backend-change').first()).toContainText('delete model Ollama');
  } finally {
    await pullPace(request, 5);
  }
});

test('the backends page and a pull in progress, at desktop and phone widths, light and dark', async ({
  page,
  request,
}) => {
  await pullPace(request, 400);
  try {
    const backends = new BackendsPage(page);
    for (const [name, size, scheme] of [
      ['desktop', { width: 1280, height: 900 }, 'light'],
      ['phone', { width: 390, height: 844 }, 'light'],
      ['dark', { width: 1280, height: 900 }, 'dark'],
    ] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await backends.open();
      await page.screenshot({ path: `${SHOTS}/backends-${name}.png`, fullPage: true });
      const row = backends.row('Ollama');
      await row.getByTestId('row-models').click();
      const panel = row.getByTestId('ollama-panel');
      await panel.getByTestId('pull-model-name').fill('gemma3:1b');
      await panel.getByTestId('pull-start').click();
      await expect
        .poll(async () =>
          Number(await panel.getByRole('progressbar').getAttribute('aria-valuenow')),
        )
        .toBeGreaterThan(5);
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/pull-progress-${name}.png` });
      await panel.getByTestId('pull-cancel').click();
      await expect(panel.getByTestId('pull-outcome')).toContainText('Cancelled');
    }
  } finally {
    await pullPace(request, 5);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the backends page, its form and an Ollama backend's models have no axe violations (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const backends = new BackendsPage(page);
    await backends.open();
    await page.getByTestId('add-backend').click();
    await backends.fill({ kind: 'deepseek', name: 'Axe check', url: 'http://127.0.0.1:9' });
    await expect(await backends.testConnection()).toHaveAttribute('data-ok', 'false');
    const row = backends.row('Ollama');
    await row.getByTestId('row-models').click();
    await expect(row.getByTestId('installed-model').first()).toBeVisible();
    await row.getByTestId('row-test').click();
    await expect(row.getByTestId('test-result')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
