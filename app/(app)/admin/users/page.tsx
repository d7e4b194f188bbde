import type { Metadata } from 'next';
import { connection } from 'next/server';
import { UsersAdmin } from '@/components/account/users-admin';
import { PageHeader } from '@/components/layout/page-header';
import { listUsers } from '@/lib/auth/users';
import { currentViewer } from '@/lib/http/request-context';

export const metadata: Metadata = { title: 'Users' };

// Admins only: the gate sends anyone else home (lib/http/access.ts).
export default async function UsersPage() {
  await connection();
  return (
    <>
      <PageHeader title="Users" />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <UsersAdmin initialUsers={await listUsers()} selfId={currentViewer().id} />
      </div>
    </>
  );
}
