/**
 * The first account on a fresh instance is the admin, and only one is, however many sign up at
 * the same instant. A fresh instance needs a database of its own: the run's shared one holds the
 * other tests' accounts. SQLite: a new file; PostgreSQL: a new schema in TEST_DATABASE_URL's
 * database, dropped afterwards.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

process.env.VERSUS_AUTH = 'accounts';

const tempDir = mkdtempSync(path.join(tmpdir(), 'versus-first-account-'));
const schema = `first_account_${Date.now().toString(36)}`;
/** The schema for Prisma's queries, and as the search path for the migrations' statements. */
function inSchema(base: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
const url = process.env.TEST_DATABASE_URL
  ? inSchema(process.env.TEST_DATABASE_URL)
  : `file:${path.join(tempDir, 'fresh.db')}`;

async function modules() {
  const [signUp, client, users] = await Promise.all([
    import('./sign-up'),
    import('@/lib/db/client'),
    import('@/lib/users'),
  ]);
  return { signUp: signUp.signUp, db: client.db, getLocalUser: users.getLocalUser };
}
let m: Awaited<ReturnType<typeof modules>>;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    // Migrations write to the schema the URL names, but do not create it.
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
  }
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'pipe',
  });
  vi.stubEnv('DATABASE_URL', url);
  m = await modules();
}, 60_000);

afterAll(async () => {
  if (url.startsWith('postgres')) await m?.db.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
  await m?.db.$disconnect();
  vi.unstubAllEnvs();
  rmSync(tempDir, { recursive: true, force: true });
});

it('makes exactly one of five simultaneous first sign-ups the admin', async () => {
  // What single-user mode left: the admin takes it over.
  const local = await m.getLocalUser();
  await m.db.conversation.create({
    data: { id: 'left-by-local', ownerId: local.id, title: 'before accounts' },
  });

  const emails = Array.from({ length: 5 }, (_, index) => `first-${index}@versus.test`);
  const outcomes = await Promise.all(
    emails.map((email, index) =>
      m.signUp({ name: `first ${index}`, email, password: 'correct horse battery' }),
    ),
  );

  expect(outcomes.filter((outcome) => outcome === 'admin')).toHaveLength(1);
  expect(outcomes.filter((outcome) => outcome === 'pending')).toHaveLength(4);
  const accounts = await m.db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, role: true, approved: true },
  });
  expect(accounts).toHaveLength(5);
  const admins = accounts.filter((account) => account.role === 'admin');
  expect(admins).toHaveLength(1);
  const [admin] = admins;
  // The one the sign-up said, approved; the others wait.
  expect(admin?.email).toBe(emails[outcomes.indexOf('admin')]);
  expect(accounts.filter((account) => account.approved)).toEqual(admins);
  expect(await m.db.firstAccount.findMany({ select: { userId: true } })).toEqual([
    { userId: admin?.id },
  ]);
  const left = await m.db.conversation.findUniqueOrThrow({ where: { id: 'left-by-local' } });
  expect(left.ownerId).toBe(admin?.id);

  // A later sign-up waits, like any other.
  expect(
    await m.signUp({
      name: 'later',
      email: 'later@versus.test',
      password: 'correct horse battery',
    }),
  ).toBe('pending');
}, 60_000);
