import 'server-only';
import type { SuiteRunStatus, SuiteRunSummary } from '@/lib/api/suite-views';
import { db } from '@/lib/db/client';
import { parseRun } from './run-rows';

/** Runs for a list, newest first: what ran, and how many cells have a verdict. */
export async function runSummaries({
  ownerId,
  suiteIds,
  take = 20,
}: {
  ownerId: string;
  /** Only these suites' runs; all the owner's when left out. */
  suiteIds?: string[];
  take?: number;
}): Promise<SuiteRunSummary[]> {
  const rows = await db.suiteRun.findMany({
    where: { ownerId, ...(suiteIds ? { suiteId: { in: suiteIds } } : {}) },
    orderBy: { createdAt: 'desc' },
    take,
    include: { items: { select: { _count: { select: { results: true } } } } },
  });
  return rows.map((row) => {
    const { snapshot, lineup } = parseRun(row);
    return {
      id: row.id,
      suiteId: row.suiteId,
      suiteName: snapshot.name,
      models: lineup.map((slot) => slot.model),
      mode: row.mode as SuiteRunSummary['mode'],
      repeats: row.repeats,
      status: row.status as SuiteRunStatus,
      doneCells: row.items.reduce((sum, item) => sum + item._count.results, 0),
      totalCells: row.items.length * lineup.length,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
