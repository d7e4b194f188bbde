import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { Sidebar } from '@/components/layout/sidebar';
import { config } from '@/lib/config';
import { listConversations } from '@/lib/conversations/read';
import { currentViewer } from '@/lib/http/request-context';

/** The signed-in app: the sidebar with the viewer's conversations, beside the page. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Conversations are per request, never prerendered at build time.
  await connection();
  const viewer = currentViewer();
  const conversations = await listConversations({ ownerId: viewer.id });
  const account =
    config.auth === 'accounts' ? { name: viewer.name, admin: viewer.role === 'admin' } : null;
  return (
    <AppShell sidebar={<Sidebar initialConversations={conversations} account={account} />}>
      {children}
    </AppShell>
  );
}
