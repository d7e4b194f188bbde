import 'server-only';
import type { ConversationSummary, ConversationView } from '@/lib/api/views';
import { db } from '@/lib/db/client';
import { toConversationView } from './to-view';

export const conversationInclude = {
  slots: {
    orderBy: { position: 'asc' },
    include: { backend: { select: { kind: true, label: true } } },
  },
  turns: { orderBy: { index: 'asc' }, include: { messages: true } },
} as const;

export async function getConversation({
  id,
  ownerId,
}: {
  id: string;
  ownerId: string;
}): Promise<ConversationView | null> {
  const row = await db.conversation.findFirst({
    where: { id, ownerId },
    include: conversationInclude,
  });
  return row ? toConversationView(row) : null;
}

export async function listConversations({
  ownerId,
  q,
}: {
  ownerId: string;
  q?: string;
}): Promise<ConversationSummary[]> {
  const rows = await db.conversation.findMany({
    where: {
      ownerId,
      ...(q
        ? {
            OR: [
              { title: { contains: q } },
              { slots: { some: { model: { contains: q } } } },
              { turns: { some: { prompt: { contains: q } } } },
            ],
          }
        : {}),
    },
    orderBy: { updatedAt: 'desc' },
    take: 200,
    select: {
      id: true,
      title: true,
      mode: true,
      updatedAt: true,
      slots: { orderBy: { position: 'asc' }, select: { model: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    mode: row.mode === 'battle' ? 'battle' : 'compare',
    updatedAt: row.updatedAt.toISOString(),
    models: row.slots.map((slot) => slot.model),
  }));
}
