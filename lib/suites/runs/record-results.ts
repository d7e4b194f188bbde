import 'server-only';
import { db } from '@/lib/db/client';
import { type CheckOutcome, evaluateCheck, type SuiteCheck } from '@/lib/suites/checks';
import type { RunLineup } from './run-rows';

export interface FinishedAnswer {
  status: string;
  content: string;
  errorCode: string | null;
  slot: { position: number; backendId: string; model: string };
}

/** The check's verdict on one answer: a failed request fails, whatever the check. */
export function judgeAnswer(check: SuiteCheck, answer: FinishedAnswer): CheckOutcome {
  if (answer.status === 'error') {
    return { verdict: 'fail', detail: `No answer: ${answer.errorCode ?? 'error'}` };
  }
  return evaluateCheck(check, answer.content);
}

/** Where a slot's model stands in the run's lineup (a battle's slots are in random order). */
export function lineupPosition(lineup: RunLineup, slot: FinishedAnswer['slot']): number {
  const position = lineup.findIndex(
    (entry) => entry.backendId === slot.backendId && entry.model === slot.model,
  );
  return position === -1 ? slot.position : position;
}

/**
 * Saves the check's verdict on each answer of an item and marks it done, in one transaction.
 * A person's verdict on a cell stays (it is a separate column).
 */
export async function recordResults({
  itemId,
  check,
  lineup,
  answers,
}: {
  itemId: string;
  check: SuiteCheck;
  lineup: RunLineup;
  answers: FinishedAnswer[];
}): Promise<void> {
  await db.$transaction([
    ...answers.map((answer) => {
      const position = lineupPosition(lineup, answer.slot);
      const { verdict, detail } = judgeAnswer(check, answer);
      return db.suiteResult.upsert({
        where: { itemId_position: { itemId, position } },
        create: { itemId, position, verdict, detail },
        update: { verdict, detail },
      });
    }),
    db.suiteRunItem.update({ where: { id: itemId }, data: { status: 'done' } }),
  ]);
}
