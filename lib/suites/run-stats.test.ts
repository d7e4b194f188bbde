import { describe, expect, it } from 'vitest';
import type { RunCellView, RunItemView, SuiteRunView } from '@/lib/api/suite-views';
import { compareRuns } from './compare-runs';
import { runToCsv, runToMarkdown } from './export-run';
import { median, speedByPrompt, summarizeRun } from './run-stats';

const cell = (
  position: number,
  verdict: RunCellView['verdict'],
  tokensPerSecond: number | null,
): RunCellView => ({
  position,
  messageId: `m${position}`,
  status: 'done',
  verdict,
  detail: verdict === 'fail' ? 'no line starts with 新' : '',
  judgedBy: verdict ? 'check' : null,
  errorCode: null,
  ttftMs: 250,
  answerTtftMs: null,
  totalMs: 1000,
  tokensPerSecond,
  completionTokens: 100,
});

/** Two models, two prompts, `verdicts[repeat][prompt]` per model as [model 0, model 1]. */
function runOf(
  verdicts: [RunCellView['verdict'], RunCellView['verdict']][][],
  speeds: [number, number] = [40, 12],
): SuiteRunView {
  const items: RunItemView[] = verdicts.flatMap((repeat, repeatIndex) =>
    repeat.map((pair, promptIndex) => ({
      id: `i${repeatIndex}-${promptIndex}`,
      promptIndex,
      repeat: repeatIndex,
      conversationId: `c${repeatIndex}-${promptIndex}`,
      status: 'done' as const,
      awaitingVote: false,
      cells: pair.map((verdict, position) => cell(position, verdict, speeds[position] ?? null)),
    })),
  );
  return {
    id: 'run',
    suiteId: 'suite',
    suiteName: 'Ladder',
    prompts: [
      { id: 'poem', title: '藏头诗 | "quoted"', prompt: 'p', check: { kind: 'manual' } },
      { id: 'cage', title: '鸡兔同笼', prompt: 'q', check: { kind: 'manual' } },
    ],
    settings: { temperature: 0.3 },
    models: [0, 1].map((position) => ({
      position,
      backendId: 'ollama',
      backendKind: 'ollama' as const,
      backendLabel: 'Ollama',
      model: position === 0 ? 'deepseek-r1:7b' : 'deepseek-r1:32b',
      params: {},
    })),
    repeats: verdicts.length,
    mode: 'compare',
    runMode: 'sequential',
    status: 'done',
    progress: { doneCells: 4, totalCells: 4, activeMs: 1000, estimateMs: null },
    items,
    createdAt: '2026-12-08T00:00:00.000Z',
    finishedAt: null,
  };
}

describe('run statistics', () => {
  it('takes the median of an even and an odd count', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts pass rate over judged answers only, and leaves those to judge out', () => {
    const [first, second] = summarizeRun(
      runOf([
        [
          ['pass', 'judge'],
          ['fail', 'pass'],
        ],
      ]),
    );
    expect(first).toMatchObject({ passed: 1, failed: 1, toJudge: 0, passRate: 0.5, spread: null });
    expect(second).toMatchObject({ passed: 1, failed: 0, toJudge: 1, passRate: 1 });
    expect(first).toMatchObject({
      medianTokensPerSecond: 40,
      medianTtftMs: 250,
      totalMs: 2000,
      completionTokens: 200,
    });
  });

  it('gives pass@1 as the mean of the repeats, with the worst and best repeat', () => {
    const run = runOf([
      [
        ['pass', 'fail'],
        ['pass', 'fail'],
      ],
      [
        ['fail', 'fail'],
        ['pass', 'pass'],
      ],
      [
        ['pass', 'fail'],
        ['fail', 'fail'],
      ],
    ]);
    const [first, second] = summarizeRun(run);
    expect(first?.passRate).toBeCloseTo((1 + 0.5 + 0.5) / 3);
    expect(first?.spread).toEqual({ min: 0.5, max: 1 });
    expect(second?.passRate).toBeCloseTo(0.5 / 3);
    expect(second?.spread).toEqual({ min: 0, max: 0.5 });
    expect(speedByPrompt(run)).toEqual([
      [40, 12],
      [40, 12],
    ]);
  });

  it('writes the articles’ table and a spreadsheet-safe CSV', () => {
    const run = runOf([
      [
        ['pass', 'fail'],
        ['judge', null],
      ],
    ]);
    const markdown = runToMarkdown(run);
    expect(markdown.split('\n').slice(0, 6)).toEqual([
      '| Task | deepseek-r1:7b | deepseek-r1:32b |',
      '| --- | --- | --- |',
      '| 藏头诗 \\| "quoted" | ✅ 40 tok/s | ❌ 12 tok/s |',
      '| 鸡兔同笼 | ❔ 40 tok/s | … 12 tok/s |',
      '| **Pass rate** | 100% | 0% |',
      '| **Median tok/s** | 40 | 12 |',
    ]);
    expect(markdown).toContain('Ladder · temperature 0.3');
    const csv = runToCsv(run).split('\r\n');
    expect(csv[0]).toBe(
      'prompt,title,repeat,model,backend,verdict,judged_by,detail,status,ttft_ms,answer_ttft_ms,tokens_per_second,completion_tokens,total_ms,conversation',
    );
    expect(csv[1]).toBe(
      '1,"藏头诗 | ""quoted""",1,deepseek-r1:7b,Ollama,pass,check,,done,250,,40,100,1000,/c/c0-0',
    );
    const hostile = runOf([
      [
        ['pass', 'fail'],
        ['pass', 'fail'],
      ],
    ]);
    hostile.prompts[1] = {
      id: 'cage',
      title: '=HYPERLINK("x")',
      prompt: 'q',
      check: { kind: 'manual' },
    };
    expect(runToCsv(hostile)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('compares two runs prompt by prompt and model by model', () => {
    const before = runOf(
      [
        [
          ['fail', 'pass'],
          ['pass', 'pass'],
        ],
      ],
      [40, 12],
    );
    const now = runOf(
      [
        [
          ['pass', 'pass'],
          ['pass', 'fail'],
        ],
      ],
      [50, 12],
    );
    const rows = compareRuns(now, before);
    expect(rows.map((row) => row.cells.map((c) => c.change))).toEqual([
      ['better', 'same'],
      ['same', 'worse'],
    ]);
    expect(rows[0]?.cells[0]?.speedChange).toBeCloseTo(0.25);
    // A prompt the earlier run did not have is new.
    const edited = runOf([
      [
        ['pass', 'pass'],
        ['pass', 'pass'],
      ],
    ]);
    edited.prompts[1] = { id: 'prism', title: 'Prism', prompt: 'r', check: { kind: 'manual' } };
    expect(compareRuns(edited, before)[1]?.cells.map((c) => c.change)).toEqual(['new', 'new']);
  });
});
