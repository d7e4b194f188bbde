import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidDeepseekKey } from '@/fake-backends/deepseek-flavour';
import type { FakeBackends } from '@/fake-backends/start';
import { createBackendSchema, testBackendSchema, updateBackendSchema } from '@/lib/api/inputs';
import { db } from '@/lib/db/client';
import { getLocalUser } from '@/lib/users';
import { startFakes } from '@/test/generation-harness';
import { listBackendChanges } from './backend-audit';
import { resolveBackend } from './backend-connection';
import { listBackends } from './list-backends';
import {
  createBackend,
  listManagedBackends,
  removeBackend,
  updateBackend,
} from './manage-backends';
import { testBackend } from './test-backend';

let fakes: FakeBackends;
let actorId = '';

beforeAll(async () => {
  fakes = await startFakes();
  actorId = (await getLocalUser()).id;
});
afterAll(() => fakes.close());

const create = (input: Record<string, unknown>) =>
  createBackend({ input: createBackendSchema.parse(input), actorId });
const test = (input: Record<string, unknown>) => testBackend(testBackendSchema.parse(input));
const update = (id: string, input: Record<string, unknown>) =>
  updateBackend({ id, input: updateBackendSchema.parse(input), actorId });

describe('validation', () => {
  it('refuses what is not a backend, and says why', () => {
    const valid = { kind: 'openai', label: 'vLLM box', baseUrl: 'http://127.0.0.1:8601/v1/' };
    expect(createBackendSchema.parse(valid)).toMatchObject({
      baseUrl: 'http://127.0.0.1:8601/v1',
      enabled: true,
    });
    const refused = (input: Record<string, unknown>) =>
      createBackendSchema.safeParse({ ...valid, ...input }).error?.issues[0]?.message;
    expect(refused({ kind: 'llamafile' })).toMatch(/Invalid option/);
    expect(refused({ baseUrl: 'ftp://127.0.0.1/' })).toBe('must be an http:// or https:// URL');
    expect(refused({ baseUrl: '' })).toBe('must be an http:// or https:// URL');
    expect(refused({ baseUrl: '‒ꉧ𒈲' })).toBe('must be an http:// or https:// URL');
    expect(refused({ baseUrl: 'http://127.0.0.1:8601/v1?key=x' })).toBe(
      'must have no ?query or #fragment',
    );
    expect(refused({ label: '  ' })).toMatch(/>=1 characters/);
    expect(refused({ headers: { 'X-Token': 'a\r\nHost: evil' } })).toBe('one line');
    expect(refused({ headers: { 'Bad Name': 'x' } })).toBe('Invalid key in record');
  });
});

describe('managing backends', () => {
  it('adds, renames, disables and removes one, and audits each change without its key', async () => {
    const added = await create({
      kind: 'deepseek',
      label: 'DeepSeek (team)',
      baseUrl: fakes.urls.deepseek,
      apiKey: 'sk-team-0123456789',
      headers: { 'X-Tenant': 'blue' },
    });
    expect(added).toMatchObject({ source: 'ui', enabled: true, hasKey: true });
    expect(added.headerNames).toEqual(['X-Tenant']);
    expect(JSON.stringify(await listManagedBackends())).not.toContain('sk-team');

    const row = await db.backend.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.apiKey).toMatch(/^v1:/);
    expect(resolveBackend(row).connection).toMatchObject({
      apiKey: 'sk-team-0123456789',
      headers: { 'X-Tenant': 'blue' },
      label: 'DeepSeek (team)',
    });

    expect((await update(added.id, { label: 'DeepSeek prod' })).label).toBe('DeepSeek prod');
    await update(added.id, { enabled: false });
    expect((await listBackends()).map((backend) => backend.id)).not.toContain(added.id);
    expect(
      resolveBackend(await db.backend.findUniqueOrThrow({ where: { id: added.id } })),
    ).toMatchObject({
      connection: { baseUrl: '' },
      unavailable: { message: expect.stringMatching(/^DeepSeek prod is disabled by an admin/) },
    });
    await update(added.id, { enabled: true, apiKey: 'sk-team-rotated-999' });
    expect((await listBackends()).map((backend) => backend.id)).toContain(added.id);

    await removeBackend({ id: added.id, actorId });
    const removed = await db.backend.findUniqueOrThrow({ where: { id: added.id } });
    expect(removed).toMatchObject({ label: 'DeepSeek prod', enabled: false, apiKey: null });
    expect(removed.removedAt).toBeInstanceOf(Date);
    expect((await listManagedBackends()).map((backend) => backend.id)).not.toContain(added.id);
    await expect(update(added.id, { label: 'again' })).rejects.toThrow('No such backend.');

    const changes = (await listBackendChanges()).filter((change) => change.backendId === added.id);
    expect(changes.map((change) => change.action)).toEqual([
      'remove',
      'update',
      'disable',
      'update',
      'create',
    ]);
    expect(changes[1]?.changes).toEqual({
      enabled: { from: false, to: true },
      apiKey: { changed: true },
    });
    expect(changes[3]?.changes).toEqual({
      label: { from: 'DeepSeek (team)', to: 'DeepSeek prod' },
    });
    expect(changes[4]?.changes).toMatchObject({
      apiKey: { changed: true },
      headers: { changed: true },
    });
    expect(changes.every((change) => change.actorName === 'Local user' || change.actorName)).toBe(
      true,
    );
    expect(JSON.stringify(changes)).not.toMatch(/sk-team|blue/);
  });

  it('lets an admin rename or disable a backend from the environment, nothing more', async () => {
    await db.backend.upsert({
      where: { id: 'manage-env' },
      create: { id: 'manage-env', kind: 'ollama', label: 'Ollama', baseUrl: fakes.urls.ollama },
      update: { removedAt: null, enabled: true },
    });
    await expect(update('manage-env', { baseUrl: 'http://127.0.0.1:1' })).rejects.toThrow(
      /comes from the environment: change its address there/,
    );
    await expect(removeBackend({ id: 'manage-env', actorId })).rejects.toThrow(
      /would come back at the next start/,
    );
    const renamed = await update('manage-env', { label: 'GPU box' });
    expect(renamed).toMatchObject({ label: 'GPU box', source: 'env' });
  });
});

it('lists two backends at one address apart: a wrong key is not hidden by the right one', async () => {
  const right = await create({
    kind: 'deepseek',
    label: 'Right key',
    baseUrl: fakes.urls.deepseek,
    apiKey: 'sk-right',
  });
  const wrong = await create({
    kind: 'deepseek',
    label: 'Wrong key',
    baseUrl: fakes.urls.deepseek,
    apiKey: invalidDeepseekKey,
  });
  const listed = await listBackends({ fresh: true });
  const statusOf = (id: string) => listed.find((backend) => backend.id === id)?.status;
  expect([statusOf(right.id), statusOf(wrong.id)]).toEqual(['ok', 'error']);
  expect(listed.find((backend) => backend.id === wrong.id)?.error?.message).toMatch(
    /^Wrong key rejected the API key/,
  );
  for (const { id } of [right, wrong]) await removeBackend({ id, actorId });
});

describe('test connection', () => {
  it("shows Ollama's version and models", async () => {
    const result = await test({ kind: 'ollama', baseUrl: fakes.urls.ollama });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.version).toMatch(/^\d+\.\d+/);
    expect(result.models.length).toBeGreaterThan(0);
  });

  it('shows the exact reason it fails: a wrong key, a server that is down', async () => {
    const wrongKey = await test({
      kind: 'deepseek',
      baseUrl: fakes.urls.deepseek,
      apiKey: invalidDeepseekKey,
    });
    expect(wrongKey).toMatchObject({
      ok: false,
      error: {
        code: 'backend_unauthorized',
        message: expect.stringContaining('Authentication Fails, Your api key: ****alid is invalid'),
      },
    });
    const down = await test({ kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1' });
    expect(down).toMatchObject({
      ok: false,
      error: { code: 'backend_unreachable', message: expect.stringContaining('127.0.0.1:9') },
    });
  });

  it("uses a saved backend's key when the form leaves it blank", async () => {
    const saved = await create({
      kind: 'deepseek',
      label: 'Keyed',
      baseUrl: fakes.urls.deepseek,
      apiKey: invalidDeepseekKey,
    });
    const result = await test({
      id: saved.id,
      kind: 'deepseek',
      baseUrl: fakes.urls.deepseek,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Keyed rejected the API key/) },
    });
    await removeBackend({ id: saved.id, actorId });
  });
});
