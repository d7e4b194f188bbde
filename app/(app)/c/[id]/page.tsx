import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { CompareView } from '@/components/chat/compare-view';
import { TURNS_PER_PAGE } from '@/lib/api/inputs';
import { getConversation } from '@/lib/conversations/read';
import { currentReader } from '@/lib/http/request-context';

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  await connection();
  return getConversation({ id, ...currentReader(), latestTurns: TURNS_PER_PAGE });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conversation = await load((await params).id);
  return { title: conversation?.title ?? 'Not found' };
}

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const conversation = await load(id);
  if (!conversation) notFound();
  // Keyed by id: another conversation starts with fresh state and streams.
  return <CompareView key={conversation.id} conversation={conversation} />;
}
