import 'server-only';
import type { MessageStatus } from '@/lib/api/message-status';
import type {
  RunCellView,
  RunItemView,
  RunModelView,
  SuiteRunStatus,
  SuiteRunView,
} from '@/lib/api/suite-views';
import type { BackendKind } from '@/lib/backends/types';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { CheckVerdict } from '@/lib/suites/checks';
import { lineupPosition } from './record-results';
import { parseRun } from './run-rows';

const answerColumns = {
  id: true,
  status: true,
  errorCode: true,
  ttftMs: true,
  answerTtftMs: true,
  totalMs: true,
  tokensPerSecond: true,
  completionTokens: true,
  slot: { select: { position: true, backendId: true, model: true } },
} as const;

const emptyCell = (position: number, status: RunCellView['status']): RunCellView => ({
  position,
  messageId: null,
  status,
  verdict: null,
  detail: '',
  judgedBy: null,
  errorCode: null,
  ttftMs: null,
  answerTtftMs: null,
  totalMs: null,
  tokensPerSecond: null,
  completionTokens: null,
});

/** A run as its grid shows it: every item's answers with their verdicts and speeds. */
export async function getSuiteRun({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<SuiteRunView> {
  const run = await db.suiteRun.findFirst({
    where: { id, ownerId },
    include: {
      items: {
        orderBy: [{ repeat: 'asc' }, { promptIndex: 'asc' }],
        include: {
          results: true,
          conversation: {
            select: {
              mode: true,
              revealedAt: true,
              turns: {
                where: { index: 0 },
                select: { messages: { where: { shown: true }, select: answerColumns } },
              },
            },
          },
        },
      },
    },
  });
  if (!run) throw new AppError('not_found', 'No such suite run.');
  const { snapshot, lineup } = parseRun(run);
  const backends = await db.backend.findMany({
    where: { id: { in: lineup.map((slot) => slot.backendId) } },
    select: { id: true, kind: true, label: true },
  });
  const models: RunModelView[] = lineup.map((slot, position) => {
    const backend = backends.find((row) => row.id === slot.backendId);
    return {
      position,
      backendId: slot.backendId,
      backendKind: (backend?.kind as BackendKind | undefined) ?? null,
      backendLabel: backend?.label ?? slot.backendId,
      model: slot.model,
      params: slot.params,
    };
  });

  const items: RunItemView[] = run.items.map((item) => {
    const conversation = item.conversation;
    const awaitingVote = conversation?.mode === 'battle' && !conversation.revealedAt;
    const answers = conversation?.turns[0]?.messages ?? [];
    const status = item.status as RunItemView['status'];
    const cells = models.map(({ position }): RunCellView => {
      // Until a battle's vote, a cell says no more than the item does: which side is still
      // writing, or failed, would tell the sides apart.
      if (awaitingVote) return emptyCell(position, status === 'done' ? 'done' : 'streaming');
      const answer = answers.find((row) => lineupPosition(lineup, row.slot) === position);
      if (!answer) return emptyCell(position, 'queued');
      const result = item.results.find((row) => row.position === position);
      return {
        position,
        messageId: answer.id,
        status: answer.status as MessageStatus,
        verdict: ((result?.person ?? result?.verdict) as CheckVerdict | undefined) ?? null,
        detail: result?.detail ?? '',
        judgedBy: result ? (result.person ? 'person' : 'check') : null,
        errorCode: answer.errorCode,
        ttftMs: answer.ttftMs,
        answerTtftMs: answer.answerTtftMs,
        totalMs: answer.totalMs,
        tokensPerSecond: answer.tokensPerSecond,
        completionTokens: answer.completionTokens,
      };
    });
    return {
      id: item.id,
      promptIndex: item.promptIndex,
      repeat: item.repeat,
      conversationId: item.conversationId,
      status,
      awaitingVote,
      cells,
    };
  });

  const doneItems = run.items.filter((item) => item.status === 'done').length;
  const activeMs = run.activeMs + (run.resumedAt ? Date.now() - run.resumedAt.getTime() : 0);
  return {
    id: run.id,
    suiteId: run.suiteId,
    suiteName: snapshot.name,
    prompts: snapshot.prompts,
    settings: snapshot.settings,
    models,
    repeats: run.repeats,
    mode: run.mode as SuiteRunView['mode'],
    runMode: run.runMode as SuiteRunView['runMode'],
    status: run.status as SuiteRunStatus,
    progress: {
      doneCells: run.items.reduce((sum, item) => sum + item.results.length, 0),
      totalCells: run.items.length * models.length,
      activeMs,
      estimateMs:
        doneItems === 0 || run.status === 'done'
          ? null
          : (activeMs / doneItems) * (run.items.length - doneItems),
    },
    items,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
