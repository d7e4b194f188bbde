import { expect, test } from '@playwright/test';
import { api, restoreInstances, scriptOllamaModel } from './api';
import { stack } from './stack';

// Runs last (files run in name order): it kills the instance driving a suite run.

const run = Date.now().toString(36);
const models = [`mi-suite-a-${run}`, `mi-suite-b-${run}`];
const words = (count: number) => Array.from({ length: count }, (_, n) => `word${n}`).join(' ');

interface RunView {
  status: string;
  progress: { doneCells: number; totalCells: number };
  items: { status: string; cells: { verdict: string | null }[] }[];
}

test('a suite run whose instance dies is finished by the other instance', async () => {
  test.setTimeout(180_000);
  // About 2 s an answer, ending with the two numbers the check reads.
  for (const id of models) {
    await scriptOllamaModel({ id, tokensPerSecond: 40, ttftMs: 20, answer: `${words(80)} 12 13` });
  }
  const suite = await api<{ suite: { id: string } }>('/api/suites', {
    method: 'POST',
    body: {
      name: `Cages ${run}`,
      prompts: [1, 2, 3, 4].map((n) => ({
        title: `Cage ${n}`,
        prompt: `Cage ${n}: 25 heads, 76 legs.`,
        check: { kind: 'number', expected: [12, 13], tolerance: 0 },
      })),
    },
  });
  expect(suite.status).toBe(201);
  const started = await api<{ run: { id: string } }>(`/api/suites/${suite.body.suite.id}/runs`, {
    method: 'POST',
    body: {
      lineup: models.map((model) => ({ backendId: 'ollama', model, params: {} })),
      runMode: 'parallel',
    },
  });
  expect(started.status).toBe(201);
  const runId = started.body.run.id;
  // The instance that took the request drives the run.
  const driver = stack().instances.find((instance) => instance.upstream === started.upstream);
  if (!driver?.pid) throw new Error(`no running instance ${started.upstream}`);
  const read = async () => (await api<{ run: RunView }>(`/api/suite-runs/${runId}`)).body.run;
  try {
    await expect
      .poll(async () => (await read()).items[0]?.status, { timeout: 30_000 })
      .toBe('done');
    process.kill(driver.pid, 'SIGKILL');
    // Its answers are interrupted by the heartbeat sweep, its lease expires, and the other
    // instance takes the run up and asks the cut-off answers again.
    await expect
      .poll(async () => (await read()).status, { timeout: 90_000, intervals: [1_000] })
      .toBe('done');
    const done = await read();
    expect(done.progress).toEqual(expect.objectContaining({ doneCells: 8, totalCells: 8 }));
    expect(done.items.flatMap((item) => item.cells.map((cell) => cell.verdict))).toEqual(
      Array(8).fill('pass'),
    );
  } finally {
    await restoreInstances(driver.url);
  }
});
