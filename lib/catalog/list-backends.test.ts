import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeBackends } from '@/fake-backends/start';
import { db } from '@/lib/db/client';
import { startFakes } from '@/test/generation-harness';
import { listBackends } from './list-backends';

let fakes: FakeBackends;

beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await db.backend.deleteMany({ where: { id: { startsWith: 'test-creds' } } });
  await fakes.close();
});

it('never answers a backend URL with its credentials, working or failing', async () => {
  const withCredentials = (url: string) => url.replace('http://', 'http://alice:s3cret@');
  const rows = [
    { id: 'test-creds-ok', kind: 'openai', baseUrl: withCredentials(fakes.urls.openai) },
    { id: 'test-creds-down', kind: 'ollama', baseUrl: 'http://alice:s3cret@127.0.0.1:9' },
    { id: 'test-creds-404', kind: 'ollama', baseUrl: `${withCredentials(fakes.urls.ollama)}/x` },
  ];
  for (const row of rows) {
    await db.backend.upsert({
      where: { id: row.id },
      create: { ...row, label: row.id, source: 'ui' },
      update: { baseUrl: row.baseUrl },
    });
  }
  const backends = await listBackends({ fresh: true });
  const listed = backends.filter((backend) => backend.id.startsWith('test-creds'));
  expect(listed.map((backend) => [backend.id, backend.status])).toEqual([
    ['test-creds-ok', 'ok'],
    ['test-creds-down', 'error'],
    ['test-creds-404', 'error'],
  ]);
  expect(listed[0]?.baseUrl).toBe(fakes.urls.openai.replace('http://', 'http://***@'));
  const text = JSON.stringify(listed);
  expect(text).not.toContain('s3cret');
  expect(text).not.toContain('alice');
});
