import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acrosticPoem, chickensAnswer } from '@/e2e/support/seed-prompts';
import type { FakeBackends } from '@/fake-backends/start';
import type { SuiteRunView } from '@/lib/api/suite-views';
import { castVote } from '@/lib/battles/cast-vote';
import { db } from '@/lib/db/client';
import { claimLease, leaseHolder } from '@/lib/db/leases';
import { getLocalUser } from '@/lib/users';
import { backendIdOf, startFakes, uniqueModel } from '@/test/generation-harness';
import { createSuite, deleteSuite, listSuites } from '../manage';
import { summarizeRun } from '../run-stats';
import { deleteSuiteRun, judgeCell, setRunStatus } from './control';
import { resumeSuiteRuns } from './driver';
import { getSuiteRun } from './read-run';
import { runExport } from './run-export';
import { startSuiteRun } from './start-run';

let fakes: FakeBackends;
let ownerId: string;
const voterId = 'suite-voter';

beforeAll(async () => {
  fakes = await startFakes();
  ownerId = (await getLocalUser()).id;
});
afterAll(async () => {
  await fakes.close();
});

/** Two prompts: one a check can decide (the chickens' 12 and 13), one judged by hand. */
const battery = {
  name: '小测验',
  settings: { temperature: 0.3 },
  prompts: [
    {
      title: '鸡兔同笼',
      prompt: '25个头，76只脚，鸡兔各几只？',
      check: { kind: 'number' as const, expected: [12, 13], tolerance: 0 },
    },
    { title: '藏头诗', prompt: '写一首藏头诗', check: { kind: 'manual' as const } },
  ],
};

async function until(
  id: string,
  done: (run: SuiteRunView) => boolean,
  timeoutMs = 20_000,
): Promise<SuiteRunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getSuiteRun({ id, ownerId });
    if (done(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} stuck: ${JSON.stringify(run.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The poem and a wish long enough (120 tokens) to time its rate. */
const poem = `${acrosticPoem}\n\n${'Wishing you a happy new year. '.repeat(20)}`;

function twoModels(fast = { tokensPerSecond: 400, ttftMs: 20 }) {
  const solver = uniqueModel('solver');
  const poet = uniqueModel('poet');
  fakes.scriptModel('ollama', { id: solver, answer: chickensAnswer, ...fast });
  // Slower: its rate is measured by Versus from arrival times, over about a second.
  fakes.scriptModel('openai', {
    id: poet,
    answer: poem,
    ...fast,
    tokensPerSecond: fast.tokensPerSecond / 4,
  });
  return {
    solver,
    poet,
    lineup: [
      { backendId: backendIdOf.ollama, model: solver, params: { temperature: 1.2 } },
      { backendId: backendIdOf.openai, model: poet, params: {} },
    ],
  };
}

describe('suite runs', { timeout: 30_000 }, () => {
  it('ships the starter battery to a newcomer', async () => {
    const suites = await listSuites({ ownerId });
    const starter = suites.find((suite) => suite.name === 'R1 starter battery');
    expect(starter?.prompts.map((prompt) => prompt.check.kind)).toEqual([
      'line-starts',
      'number',
      'number',
      'manual',
      'manual',
    ]);
    expect(starter?.settings).toEqual({ temperature: 0.3 });
  });

  it('runs every prompt over every model, judges by the checks, and times by the backends', async () => {
    const suite = await createSuite({ ownerId, input: battery });
    const { solver, poet, lineup } = twoModels();
    const { id } = await startSuiteRun({ suiteId: suite.id, ownerId, voterId, input: { lineup } });
    const run = await until(id, (view) => view.status === 'done');

    expect(run.progress).toMatchObject({ doneCells: 4, totalCells: 4, estimateMs: null });
    const verdicts = run.items.map((item) => item.cells.map((cell) => cell.verdict));
    expect(verdicts).toEqual([
      ['pass', 'fail'],
      ['judge', 'judge'],
    ]);
    // The suite's temperature overrides the slot's, for a fair run.
    const sent = await db.message.findMany({
      where: { turn: { conversation: { suiteItem: { runId: id } } } },
      select: { params: true },
    });
    expect(sent.map((row) => JSON.parse(row.params).temperature)).toEqual([0.3, 0.3, 0.3, 0.3]);
    // Each cell's speed and size are the backend's: Ollama reports its own rate; the SSE
    // server's is measured from its tokens' times.
    for (const [position, model] of [solver, poet].entries()) {
      const truths = fakes.runs().filter((each) => each.model === model);
      expect(truths).toHaveLength(2);
      run.items.forEach((item, index) => {
        const cell = item.cells[position];
        const truth = truths[index];
        if (!cell || !truth) throw new Error('a cell without its run');
        const rate =
          truth.backend === 'ollama'
            ? truth.tokensPerSecond
            : ((truth.completionTokens - 1) /
                ((truth.lastTokenAt ?? 0) - (truth.firstTokenAt ?? 0))) *
              1000;
        const error = Math.abs((cell.tokensPerSecond ?? Number.NaN) - rate) / rate;
        expect(error, `${model}: ${cell.tokensPerSecond} tok/s against ${rate}`).toBeLessThan(0.05);
        expect(cell.completionTokens).toBe(truth.completionTokens);
        expect(cell.ttftMs).toBeGreaterThanOrEqual((truth.firstTokenAt ?? 0) - truth.startedAt);
      });
    }
    // Item conversations stay out of the sidebar's list but are there to open.
    const item = run.items[0];
    expect(item?.conversationId).toBeTruthy();

    // The hand-judged cells, one click each; taking a verdict back restores the check's.
    const poem = run.items[1];
    await judgeCell({ runId: id, ownerId, itemId: poem?.id ?? '', position: 1, verdict: 'pass' });
    await judgeCell({ runId: id, ownerId, itemId: poem?.id ?? '', position: 0, verdict: 'fail' });
    const judged = await getSuiteRun({ id, ownerId });
    expect(judged.items[1]?.cells.map((cell) => [cell.verdict, cell.judgedBy])).toEqual([
      ['fail', 'person'],
      ['pass', 'person'],
    ]);
    const [first, second] = summarizeRun(judged);
    expect(first).toMatchObject({ passed: 1, failed: 1, toJudge: 0, passRate: 0.5 });
    expect(second).toMatchObject({ passed: 1, failed: 1, passRate: 0.5 });
    await judgeCell({ runId: id, ownerId, itemId: poem?.id ?? '', position: 1, verdict: null });
    const undone = await getSuiteRun({ id, ownerId });
    expect(undone.items[1]?.cells[1]).toMatchObject({ verdict: 'judge', judgedBy: 'check' });

    const csv = await runExport({ id, ownerId, format: 'csv' });
    expect(csv.body.split('\r\n')[1]).toContain(`1,鸡兔同笼,1,${solver},test-ollama,pass,check`);
    expect(csv.fileName).toMatch(/^小测验-\d{4}-\d{2}-\d{2}\.csv$/);
    const markdown = await runExport({ id, ownerId, format: 'markdown' });
    expect(markdown.body).toMatch(/^\| Task \| solver-\S+ \| poet-\S+ \|$/m);
    expect(markdown.body).toMatch(
      /^\| 鸡兔同笼 \| ✅ \d+(\.\d)? tok\/s \| ❌ \d+(\.\d)? tok\/s \|$/m,
    );

    // A deleted suite keeps its runs; a deleted run takes its conversations with it.
    await deleteSuite({ id: suite.id, ownerId });
    expect((await getSuiteRun({ id, ownerId })).suiteName).toBe('小测验');
    await deleteSuiteRun({ id, ownerId });
    expect(await db.conversation.count({ where: { id: item?.conversationId ?? '' } })).toBe(0);
  });

  it('pauses (stopping what runs), resumes, and picks up a run whose process died', async () => {
    const suite = await createSuite({ ownerId, input: battery });
    const { lineup } = twoModels({ tokensPerSecond: 20, ttftMs: 10 });
    const { id } = await startSuiteRun({
      suiteId: suite.id,
      ownerId,
      voterId,
      input: { lineup, runMode: 'parallel' },
    });
    await until(id, (view) => view.items[0]?.cells.some((c) => c.status === 'streaming') ?? false);
    await setRunStatus({ id, ownerId, status: 'paused' });
    const paused = await until(
      id,
      (view) => view.items[0]?.cells.every((cell) => cell.status === 'stopped') ?? false,
    );
    expect(paused.status).toBe('paused');
    expect(paused.progress.doneCells).toBe(0);
    // Its driver lets go of it.
    for (let tries = 0; ; tries += 1) {
      if ((await leaseHolder({ name: `suite-run:${id}` })) === null) break;
      if (tries > 100) throw new Error('the paused run kept its driver');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // As if the process had died while running it: its lease left behind, its answers cut off.
    await db.suiteRun.update({ where: { id }, data: { status: 'running', resumedAt: new Date() } });
    await claimLease({ name: `suite-run:${id}`, holder: 'dead', ttlMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.message.updateMany({
      where: { turn: { conversation: { suiteItem: { runId: id } } } },
      data: { status: 'interrupted' },
    });
    fakes.scriptModel('ollama', {
      id: lineup[0]?.model ?? '',
      answer: chickensAnswer,
      tokensPerSecond: 500,
      ttftMs: 5,
    });
    fakes.scriptModel('openai', {
      id: lineup[1]?.model ?? '',
      answer: acrosticPoem,
      tokensPerSecond: 500,
      ttftMs: 5,
    });
    expect(await resumeSuiteRuns()).toBeGreaterThanOrEqual(1);
    const run = await until(id, (view) => view.status === 'done');
    expect(run.progress.doneCells).toBe(4);
    // The cut-off answers were asked again: the cells show a second attempt.
    const attempts = await db.message.findMany({
      where: { id: { in: run.items[0]?.cells.map((cell) => cell.messageId ?? '') } },
      select: { attempt: true, status: true },
    });
    expect(attempts).toEqual([
      { attempt: 2, status: 'done' },
      { attempt: 2, status: 'done' },
    ]);
    expect(run.items[0]?.cells.map((cell) => cell.verdict)).toEqual(['pass', 'fail']);
  });

  it('runs blind as battles, and says nothing of a battle before its vote', async () => {
    const suite = await createSuite({ ownerId, input: battery });
    const { lineup } = twoModels();
    const { id } = await startSuiteRun({
      suiteId: suite.id,
      ownerId,
      voterId,
      input: { lineup, mode: 'blind' },
    });
    const run = await until(id, (view) => view.status === 'done');
    for (const item of run.items) {
      expect(item.awaitingVote).toBe(true);
      expect(
        item.cells.every((cell) => cell.verdict === null && cell.tokensPerSecond === null),
      ).toBe(true);
    }
    const battle = await db.conversation.findUniqueOrThrow({
      where: { id: run.items[0]?.conversationId ?? '' },
      select: { mode: true, title: true, voterId: true, slots: { select: { params: true } } },
    });
    expect(battle).toMatchObject({ mode: 'battle', title: 'Battle', voterId });
    // Both sides get the suite's settings only, so their parameters look alike.
    expect(battle.slots.map((slot) => slot.params)).toEqual([
      '{"temperature":0.3}',
      '{"temperature":0.3}',
    ]);
    await expect(
      judgeCell({
        runId: id,
        ownerId,
        itemId: run.items[0]?.id ?? '',
        position: 0,
        verdict: 'pass',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    await castVote({ id: run.items[0]?.conversationId ?? '', ownerId, voterId, outcome: 'a' });
    const voted = await getSuiteRun({ id, ownerId });
    // The lineup's order, whatever side each model was given.
    expect(voted.items[0]?.cells.map((cell) => cell.verdict)).toEqual(['pass', 'fail']);
    expect(voted.items[1]?.awaitingVote).toBe(true);
  });
});
