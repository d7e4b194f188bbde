import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageHeader } from '@/components/layout/page-header';
import { SuiteRunView } from '@/components/suites/run-view';
import { suiteRunQuerySchema } from '@/lib/api/suite-inputs';
import { isAppError } from '@/lib/errors';
import { currentViewer } from '@/lib/http/request-context';
import { getSuiteRun } from '@/lib/suites/runs/read-run';
import { runSummaries } from '@/lib/suites/runs/run-summaries';

export const metadata: Metadata = { title: 'Suite run' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A run's grid, summary and charts; `?vs=<run>` sets another run of the suite beside it. */
export default async function SuiteRunPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const query = suiteRunQuerySchema.safeParse(await searchParams);
  const vs = query.success ? query.data.vs : undefined;
  const ownerId = currentViewer().id;
  const run = await getSuiteRun({ id, ownerId });
  const others = run.suiteId
    ? (await runSummaries({ ownerId, suiteIds: [run.suiteId] })).filter((other) => other.id !== id)
    : [];
  const compared = vs
    ? await getSuiteRun({ id: vs, ownerId }).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'not_found') return null;
        throw error;
      })
    : null;
  return (
    <>
      <PageHeader title={run.suiteName}>
        <Link
          href={run.suiteId ? `/suites/${run.suiteId}` : '/suites'}
          prefetch={false}
          className="text-xs text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {run.suiteId ? 'Suite' : 'Suites'}
        </Link>
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SuiteRunView initial={run} others={others} compared={compared} />
      </div>
    </>
  );
}
