import 'server-only';
import type { SaveSuiteInput } from '@/lib/api/suite-inputs';
import type { SuiteListEntry, SuiteView } from '@/lib/api/suite-views';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { runSummaries } from './runs/run-summaries';
import { STARTER_SUITE } from './starter-suite';
import { suiteColumns, toSuiteView } from './suite-rows';

async function ownedSuite({ id, ownerId }: { id: string; ownerId: string }) {
  const row = await db.suite.findFirst({ where: { id, ownerId } });
  if (!row) throw new AppError('not_found', 'No such suite.');
  return row;
}

export async function getSuite({ id, ownerId }: { id: string; ownerId: string }) {
  return toSuiteView(await ownedSuite({ id, ownerId }));
}

/**
 * The viewer's suites, newest first, each with its latest runs. A user who has neither suites
 * nor runs gets the starter battery, so the page opens on something to run.
 */
export async function listSuites({ ownerId }: { ownerId: string }): Promise<SuiteListEntry[]> {
  let rows = await db.suite.findMany({ where: { ownerId }, orderBy: { updatedAt: 'desc' } });
  if (rows.length === 0 && (await db.suiteRun.count({ where: { ownerId } })) === 0) {
    await createSuite({ ownerId, input: STARTER_SUITE });
    rows = await db.suite.findMany({ where: { ownerId }, orderBy: { updatedAt: 'desc' } });
  }
  const runs = await runSummaries({ ownerId, suiteIds: rows.map((row) => row.id), take: 100 });
  return rows.map((row) => ({
    ...toSuiteView(row),
    runs: runs.filter((run) => run.suiteId === row.id),
  }));
}

export async function createSuite({
  ownerId,
  input,
}: {
  ownerId: string;
  input: SaveSuiteInput;
}): Promise<SuiteView> {
  const row = await db.suite.create({ data: { id: newId(), ownerId, ...suiteColumns(input) } });
  return toSuiteView(row);
}

export async function updateSuite({
  id,
  ownerId,
  input,
}: {
  id: string;
  ownerId: string;
  input: SaveSuiteInput;
}): Promise<SuiteView> {
  await ownedSuite({ id, ownerId });
  return toSuiteView(await db.suite.update({ where: { id }, data: suiteColumns(input) }));
}

/** A copy named "… (copy)", with the same prompt ids, so its runs compare with the original's. */
export async function duplicateSuite({ id, ownerId }: { id: string; ownerId: string }) {
  const suite = await getSuite({ id, ownerId });
  return createSuite({
    ownerId,
    input: {
      name: `${suite.name} (copy)`.slice(0, 120),
      prompts: suite.prompts,
      settings: suite.settings,
    },
  });
}

/** Deletes a suite; its runs stay (each holds a copy of the suite as it was run). */
export async function deleteSuite({ id, ownerId }: { id: string; ownerId: string }) {
  await ownedSuite({ id, ownerId });
  await db.suite.delete({ where: { id } });
}
