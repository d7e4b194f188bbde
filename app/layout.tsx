import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { ExposedBanner } from '@/components/layout/exposed-banner';
import { Sidebar } from '@/components/layout/sidebar';
import { config } from '@/lib/config';
import { listConversations } from '@/lib/conversations/read';
import { currentViewer } from '@/lib/http/request-context';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Versus', template: '%s · Versus' },
  description: 'One prompt, several LLMs, side by side: answers, reasoning and speed.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Conversations are per request, never prerendered at build time.
  await connection();
  const user = currentViewer();
  const conversations = await listConversations({ ownerId: user.id });

  return (
    <html lang="en">
      <body className="flex h-dvh flex-col overflow-hidden bg-white font-sans text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        {config.exposed && <ExposedBanner host={config.host} />}
        <AppShell sidebar={<Sidebar initialConversations={conversations} />}>{children}</AppShell>
      </body>
    </html>
  );
}
