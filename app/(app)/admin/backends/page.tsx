import type { Metadata } from 'next';
import { connection } from 'next/server';
import { BackendsAdmin } from '@/components/backends/backends-admin';
import { PageHeader } from '@/components/layout/page-header';
import { listBackendChanges } from '@/lib/catalog/backend-audit';
import { listManagedBackends } from '@/lib/catalog/manage-backends';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Backends' };

// Admins only: the gate sends anyone else home (lib/http/access.ts).
export default async function BackendsPage() {
  await connection();
  const [backends, changes] = await Promise.all([listManagedBackends(), listBackendChanges()]);
  return (
    <>
      <PageHeader title="Backends" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <BackendsAdmin
          initialBackends={backends}
          initialChanges={changes}
          canStoreKeys={config.secretKey !== undefined}
        />
      </div>
    </>
  );
}
