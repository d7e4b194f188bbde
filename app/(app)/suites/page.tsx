import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageHeader } from '@/components/layout/page-header';
import { SuitesList } from '@/components/suites/suites-list';
import { currentViewer } from '@/lib/http/request-context';
import { listSuites } from '@/lib/suites/manage';

export const metadata: Metadata = { title: 'Suites' };

/** The viewer's prompt suites (the starter battery for a newcomer) with their latest runs. */
export default async function SuitesPage() {
  await connection();
  const suites = await listSuites({ ownerId: currentViewer().id });
  return (
    <>
      <PageHeader title="Suites" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SuitesList suites={suites} />
      </div>
    </>
  );
}
