import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageHeader } from '@/components/layout/page-header';
import { SuitePage } from '@/components/suites/suite-page';
import { backendsForPage } from '@/lib/catalog/backends-for-page';
import { currentViewer } from '@/lib/http/request-context';
import { getSuite } from '@/lib/suites/manage';
import { runSummaries } from '@/lib/suites/runs/run-summaries';

export const metadata: Metadata = { title: 'Suite' };

/** A suite: its prompts and checks, a run to start over a lineup, and its runs. */
export default async function SuiteDetailPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const ownerId = currentViewer().id;
  const [suite, runs, backends] = await Promise.all([
    getSuite({ id, ownerId }),
    runSummaries({ ownerId, suiteIds: [id], take: 50 }),
    backendsForPage(),
  ]);
  return (
    <>
      <PageHeader title={suite.name}>
        <Link
          href="/suites"
          prefetch={false}
          className="text-xs text-indigo-700 hover:underline dark:text-indigo-300"
        >
          All suites
        </Link>
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SuitePage initial={suite} runs={runs} backends={backends} />
      </div>
    </>
  );
}
