import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AccountSettings } from '@/components/account/account-settings';
import { ImportExport } from '@/components/account/import-export';
import { PageHeader } from '@/components/layout/page-header';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { config } from '@/lib/config';
import { currentViewer } from '@/lib/http/request-context';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  await connection();
  const viewer = currentViewer();
  return (
    <>
      <PageHeader title="Account" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <AccountSettings
          name={viewer.name}
          sessions={config.auth === 'accounts'}
          initialTokens={await listApiTokens({ userId: viewer.id })}
        />
        <ImportExport />
      </div>
    </>
  );
}
