import type { Metadata } from 'next';
import { connection } from 'next/server';
import { PageHeader } from '@/components/layout/page-header';
import { SharesList } from '@/components/share/shares-list';
import { currentViewer } from '@/lib/http/request-context';
import { listShares } from '@/lib/shares/manage';

export const metadata: Metadata = { title: 'Shares' };

/** Every live share link of the viewer's, to copy, update or revoke. */
export default async function SharesPage() {
  await connection();
  const shares = await listShares({ ownerId: currentViewer().id });
  return (
    <>
      <PageHeader title="Shares" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SharesList initial={shares} />
      </div>
    </>
  );
}
