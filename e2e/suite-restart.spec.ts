import { expect, test } from '@playwright/test';
import { scriptModel, uniqueModel, words } from './support/fakes';
import { ownApp } from './support/own-app';

// Its own app process, stopped and started again mid-run, on a database of its own.
const own = ownApp({ portOffset: 21, database: 'data/e2e-suite-restart.db' });

interface RunView {
  status: string;
  progress: { doneCells: number; totalCells: number };
  items: { conversationId: string | null; cells: { status: string; verdict: string | null }[] }[];
}

const json = { 'content-type': 'application/json' };

async function readRun(id: string): Promise<RunView> {
  const response = await fetch(`${own.base}/api/suite-runs/${id}`);
  return ((await response.json()) as { run: RunView }).run;
}

test('a suite run survives a restart of the server and picks up where it was', async ({
  request,
}) => {
  test.setTimeout(150_000);
  // Slow enough (about 3 s an answer) to be mid-answer when the server stops.
  const slow = uniqueModel('restart-slow');
  await scriptModel(request, 'openai', {
    id: slow,
    tokensPerSecond: 40,
    ttftMs: 20,
    answer: `${words(120)} 12 13`,
  });
  const quick = uniqueModel('restart-quick');
  await scriptModel(request, 'ollama', {
    id: quick,
    tokensPerSecond: 400,
    ttftMs: 20,
    answer: '12 and 13',
  });
  own.removeDatabase();
  let app = await own.start();
  try {
    const created = await fetch(`${own.base}/api/suites`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name: 'Restart',
        prompts: [1, 2, 3].map((n) => ({
          title: `Cage ${n}`,
          prompt: `Cage ${n}: 25 heads and 76 legs.`,
          check: { kind: 'number', expected: [12, 13], tolerance: 0 },
        })),
      }),
    });
    const { suite } = (await created.json()) as { suite: { id: string } };
    const started = await fetch(`${own.base}/api/suites/${suite.id}/runs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        lineup: [
          { backendId: 'ollama', model: quick },
          { backendId: 'openai', model: slow },
        ],
        runMode: 'parallel',
      }),
    });
    expect(started.status).toBe(201);
    const { run } = (await started.json()) as { run: { id: string } };
    // Mid-run: the second item's slow answer is being written.
    await expect
      .poll(async () => (await readRun(run.id)).items[1]?.cells[1]?.status, { timeout: 30_000 })
      .toBe('streaming');

    const exited = new Promise<number | null>((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stopped = await (async () => {
      app = await own.start();
      return readRun(run.id);
    })();
    // What was cut off is asked again, and the run goes on to its end.
    expect(stopped.progress.doneCells).toBeLessThan(6);
    await expect.poll(async () => (await readRun(run.id)).status, { timeout: 60_000 }).toBe('done');
    const done = await readRun(run.id);
    expect(done.progress).toMatchObject({ doneCells: 6, totalCells: 6 });
    expect(done.items.flatMap((item) => item.cells.map((cell) => cell.verdict))).toEqual(
      Array(6).fill('pass'),
    );
    const conversation = await fetch(
      `${own.base}/api/conversations/${done.items[1]?.conversationId}`,
    );
    const { conversation: view } = (await conversation.json()) as {
      conversation: { turns: { messages: { attempt: number; status: string }[] }[] };
    };
    const attempts = view.turns[0]?.messages.map((message) => [message.attempt, message.status]);
    expect(attempts).toEqual(
      expect.arrayContaining([
        [1, 'interrupted'],
        [2, 'done'],
      ]),
    );
  } finally {
    if (app.exitCode === null) app.kill('SIGKILL');
    own.removeDatabase();
  }
});
