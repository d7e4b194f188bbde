import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { E2E } from './ports';
import { axeViolations } from './support/axe';
import { scriptModel, uniqueModel } from './support/fakes';

// Versus with accounts (its own app and database, see playwright.config.ts): the first visitor
// creates the admin; a second person signs up, waits, is approved, compares and battles, and
// never sees the admin's conversations.

const base = E2E.accountsAppUrl;
const password = 'a long enough password';

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
}

/** A conversation through the API of a signed-in browser; its id. */
async function compareAs(context: BrowserContext, models: string[]) {
  await context.request.get(`${base}/api/backends?fresh=1`);
  const created = await context.request.post(`${base}/api/conversations`, {
    headers: { origin: base },
    data: { lineup: models.map((model) => ({ backendId: 'ollama', model })) },
  });
  expect(created.status()).toBe(201);
  const { conversation } = (await created.json()) as { conversation: { id: string } };
  const turn = await context.request.post(`${base}/api/conversations/${conversation.id}/turns`, {
    headers: { origin: base },
    data: { prompt: 'What is 2 + 2?' },
  });
  expect(turn.status()).toBe(201);
  return conversation.id;
}

test('first run makes the admin; a sign-up waits for approval, then works on its own data only', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const models = [uniqueModel('acct-a'), uniqueModel('acct-b')];
  for (const id of models)
    await scriptModel(request, 'ollama', { id, tokensPerSecond: 400, ttftMs: 20, answer: 'Four.' });

  // First visit: there is nobody to sign in, so the admin account is made.
  const adminContext = await browser.newContext({ baseURL: base });
  const admin = await adminContext.newPage();
  await admin.goto('/');
  await expect(admin).toHaveURL(/\/sign-up$/);
  await expect(admin.getByRole('heading', { name: 'Create the admin account' })).toBeVisible();
  await admin.screenshot({ path: 'screenshots/first-run.png' });
  expect(await axeViolations(admin)).toEqual([]);
  await fill(admin, { Name: 'Ada Admin', Email: 'ada@versus.test', Password: password });
  await admin.getByRole('button', { name: 'Create the admin account' }).click();
  await expect(admin.getByTestId('signed-in-as')).toContainText('Ada Admin');
  const adminConversation = await compareAs(adminContext, models);

  // A colleague signs up and waits.
  const userContext = await browser.newContext({ baseURL: base });
  const user = await userContext.newPage();
  await user.goto('/sign-up');
  await fill(user, { Name: 'Bob User', Email: 'bob@versus.test', Password: password });
  await user.getByRole('button', { name: 'Create account' }).click();
  await expect(user.getByTestId('sign-up-pending')).toBeVisible();
  await user.goto('/sign-in');
  await fill(user, { Email: 'bob@versus.test', Password: password });
  await user.getByRole('button', { name: 'Sign in' }).click();
  await expect(user.getByText('Your account waits for an admin’s approval.')).toBeVisible();
  await user.screenshot({ path: 'screenshots/sign-in-waiting.png' });
  expect(await axeViolations(user)).toEqual([]);

  // The admin approves.
  await admin.goto('/admin/users');
  const bob = admin.getByTestId('user-row').filter({ hasText: 'bob@versus.test' });
  await expect(bob.getByTestId('user-state')).toHaveText('waiting for approval');
  await admin.screenshot({ path: 'screenshots/users-admin.png' });
  expect(await axeViolations(admin)).toEqual([]);
  await bob.getByTestId('approve').click();
  await expect(bob.getByTestId('user-state')).toHaveText('user');

  // Bob signs in, compares, battles.
  await user.getByRole('button', { name: 'Sign in' }).click();
  await expect(user.getByTestId('signed-in-as')).toContainText('Bob User');
  const bobConversation = await compareAs(userContext, models);
  await user.goto(`/c/${bobConversation}`);
  await expect(user.getByTestId('column')).toHaveCount(2);
  const battle = await userContext.request.post(`${base}/api/battles`, {
    headers: { origin: base },
    data: { pool: models.map((model) => ({ backendId: 'ollama', model })) },
  });
  expect(battle.status()).toBe(201);

  // Nothing of the admin's: not in the list, not by id, not by API.
  await user.reload();
  await expect(user.getByTestId('sidebar-conversation')).toHaveCount(2);
  expect(
    await userContext.request
      .get(`${base}/api/conversations/${adminConversation}`)
      .then((r) => r.status()),
  ).toBe(404);
  await user.goto(`/c/${adminConversation}`);
  await expect(user.getByRole('heading', { name: 'No such comparison' })).toBeVisible();
  const list = await userContext.request.get(`${base}/api/conversations`);
  expect(JSON.stringify(await list.json())).not.toContain(adminConversation);
  // Nor the admin's pages.
  await user.goto('/admin/users');
  await expect(user).not.toHaveURL(/admin/);

  // Bob shares his comparison; someone without an account (no cookies) reads it, nothing more.
  await expect
    .poll(
      async () => {
        const made = await userContext.request.post(
          `${base}/api/conversations/${bobConversation}/shares`,
          { headers: { origin: base }, data: { showOwner: true } },
        );
        return made.ok() ? ((await made.json()) as { share: { path: string } }).share.path : '';
      },
      { timeout: 30_000 },
    )
    .toMatch(/^\/s\//);
  const shares = await userContext.request.get(`${base}/api/shares`);
  const [share] = ((await shares.json()) as { shares: { id: string; path: string }[] }).shares;
  const stranger = await browser.newContext({ baseURL: base });
  const reader = await stranger.newPage();
  expect((await reader.goto(share?.path ?? ''))?.status()).toBe(200);
  await expect(reader.getByTestId('share-facts')).toContainText('by Bob User');
  await expect(reader.getByTestId('column')).toHaveCount(2);
  await reader.goto(`/c/${bobConversation}`);
  await expect(reader).toHaveURL(/\/sign-in/);
  // Only Bob manages it: the admin's revoke is "not found", Bob's works.
  const byAdmin = await adminContext.request.delete(`${base}/api/shares/${share?.id}`, {
    headers: { origin: base },
  });
  expect(byAdmin.status()).toBe(404);
  const byBob = await userContext.request.delete(`${base}/api/shares/${share?.id}`, {
    headers: { origin: base },
  });
  expect(byBob.status()).toBe(204);
  expect((await reader.goto(share?.path ?? ''))?.status()).toBe(404);
  await stranger.close();

  // Signed out, the app is closed again.
  await user.getByTestId('sign-out').click();
  await expect(user).toHaveURL(/\/sign-in/);
  await user.screenshot({ path: 'screenshots/sign-in.png' });
  expect((await userContext.request.get(`${base}/api/conversations`)).status()).toBe(401);
  await adminContext.close();
  await userContext.close();
});
