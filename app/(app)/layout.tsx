import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { Sidebar } from '@/components/layout/sidebar';
import { SIDEBAR_FIRST_CONVERSATIONS } from '@/lib/api/inputs';
import { config } from '@/lib/config';
import { listConversations } from '@/lib/conversations/read';
import { currentViewer } from '@/lib/http/request-context';

/** The signed-in app: the sidebar with the viewer's conversations, beside the page. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Conversations are per request, never prerendered at build time.
  await connection();
  const viewer = currentViewer();
  // One more than the page shows, to know whether there are more to fetch later.
  const conversations = await listConversations({
    ownerId: viewer.id,
    take: SIDEBAR_FIRST_CONVERSATIONS + 1,
  });
  const account =
    config.auth === 'accounts' ? { name: viewer.name, admin: viewer.role === 'admin' } : null;
  return (
    <AppShell
      sidebar={
        <Sidebar
          initialConversations={conversations.slice(0, SIDEBAR_FIRST_CONVERSATIONS)}
          more={conversations.length > SIDEBAR_FIRST_CONVERSATIONS}
          account={account}
        />
      }
    >
      {children}
    </AppShell>
  );
}
