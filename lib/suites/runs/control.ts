import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { stopConversation } from '@/lib/generation/control';
import type { CheckVerdict } from '@/lib/suites/checks';
import { driveRun } from './driver';

async function ownedRun({ id, ownerId }: { id: string; ownerId: string }) {
  const run = await db.suiteRun.findFirst({ where: { id, ownerId } });
  if (!run) throw new AppError('not_found', 'No such suite run.');
  return run;
}

/**
 * Pauses a run (its running answers are stopped, and asked again on resume) or resumes it.
 * The running time counts only while it runs.
 */
export async function setRunStatus({
  id,
  ownerId,
  status,
}: {
  id: string;
  ownerId: string;
  status: 'paused' | 'running';
}): Promise<void> {
  const run = await ownedRun({ id, ownerId });
  if (run.status === 'done') throw new AppError('conflict', 'This run is finished.');
  if (run.status === status) return;
  const now = new Date();
  if (status === 'paused') {
    const ran = run.resumedAt ? now.getTime() - run.resumedAt.getTime() : 0;
    const { count } = await db.suiteRun.updateMany({
      where: { id, status: 'running' },
      data: { status: 'paused', resumedAt: null, activeMs: run.activeMs + ran },
    });
    if (count === 0) return;
    const running = await db.suiteRunItem.findMany({
      where: { runId: id, status: 'running', conversationId: { not: null } },
      select: { conversationId: true },
    });
    for (const item of running) {
      if (item.conversationId) await stopConversation({ conversationId: item.conversationId });
    }
    return;
  }
  const { count } = await db.suiteRun.updateMany({
    where: { id, status: 'paused' },
    data: { status: 'running', resumedAt: now },
  });
  if (count > 0) driveRun(id);
}

/** Deletes a run and the conversations that answered it (stopping any still running). */
export async function deleteSuiteRun({ id, ownerId }: { id: string; ownerId: string }) {
  await ownedRun({ id, ownerId });
  await db.suiteRun.updateMany({ where: { id }, data: { status: 'done' } });
  const items = await db.suiteRunItem.findMany({
    where: { runId: id, conversationId: { not: null } },
    select: { conversationId: true },
  });
  const conversationIds = items.flatMap((item) => item.conversationId ?? []);
  for (const conversationId of conversationIds) await stopConversation({ conversationId });
  await db.$transaction([
    db.conversation.deleteMany({ where: { id: { in: conversationIds } } }),
    db.suiteRun.delete({ where: { id } }),
  ]);
}

/**
 * A person's verdict on one cell, over the check's; null takes it back. A blind run's battle
 * is judged only after its vote, since a verdict on a side tells the sides apart.
 */
export async function judgeCell({
  runId,
  ownerId,
  itemId,
  position,
  verdict,
}: {
  runId: string;
  ownerId: string;
  itemId: string;
  position: number;
  verdict: Exclude<CheckVerdict, 'judge'> | null;
}): Promise<void> {
  await ownedRun({ id: runId, ownerId });
  const item = await db.suiteRunItem.findFirst({
    where: { id: itemId, runId },
    select: { conversation: { select: { mode: true, revealedAt: true } } },
  });
  if (!item) throw new AppError('not_found', 'No such item in this run.');
  if (item.conversation?.mode === 'battle' && !item.conversation.revealedAt) {
    throw new AppError(
      'conflict',
      'Vote on this battle first: a verdict would tell the sides apart.',
    );
  }
  const { count } = await db.suiteResult.updateMany({
    where: { itemId, position },
    data: { person: verdict },
  });
  if (count === 0) throw new AppError('conflict', 'This answer is not in yet.');
}
