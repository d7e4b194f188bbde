import { describe, expect, it, vi } from 'vitest';
import { type FinalRow, writeFinals } from '@/lib/db/message-writes';
import { saveFinal } from './final-writes';

vi.mock('@/lib/db/message-writes', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/db/message-writes')>();
  return { ...real, writeFinals: vi.fn(real.writeFinals) };
});

const final = (id: string): FinalRow => ({
  id,
  attempt: 1,
  status: 'done',
  content: 'answer',
  reasoning: '',
  errorCode: null,
  errorMessage: null,
  finishReason: 'stop',
  modelInfo: null,
  ttftMs: 1,
  answerTtftMs: null,
  loadMs: null,
  reasoningMs: null,
  totalMs: 2,
  promptTokens: null,
  completionTokens: 1,
  tokensPerSecond: null,
  countsReported: false,
});

describe('saveFinal', () => {
  it('writes the messages that end together in one statement, and later ones in the next', async () => {
    const write = vi.mocked(writeFinals);
    write.mockClear();

    await Promise.all([saveFinal(final('a')), saveFinal(final('b')), saveFinal(final('c'))]);
    await saveFinal(final('d'));

    expect(write.mock.calls.map(([rows]) => rows.map((row) => row.id))).toEqual([
      ['a', 'b', 'c'],
      ['d'],
    ]);
  });

  it('fails every message of a statement that fails', async () => {
    const failure = new Error('disk full');
    vi.mocked(writeFinals).mockRejectedValueOnce(failure);

    const results = await Promise.allSettled([saveFinal(final('e')), saveFinal(final('f'))]);

    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });
});
