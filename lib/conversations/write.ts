import 'server-only';
import {
  type CreateConversationInput,
  type RunMode,
  type SlotParams,
  TURNS_PER_PAGE,
} from '@/lib/api/inputs';
import type { ConversationView } from '@/lib/api/views';
import { usableBackend } from '@/lib/catalog/backend-source';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { stopConversation } from '@/lib/generation/control';
import { newId } from '@/lib/ids';
import { getConversation } from './read';

/** The conversation after a change, with the turns the page shows at first. */
async function reload(id: string, ownerId: string, voterId: string): Promise<ConversationView> {
  const view = await getConversation({ id, ownerId, voterId, latestTurns: TURNS_PER_PAGE });
  if (!view) throw new AppError('not_found', 'No such conversation.');
  return view;
}

export async function assertOwned({ id, ownerId }: { id: string; ownerId: string }) {
  const row = await db.conversation.findFirst({ where: { id, ownerId }, select: { id: true } });
  if (!row) throw new AppError('not_found', 'No such conversation.');
}

export async function createConversation({
  ownerId,
  voterId,
  input,
}: {
  ownerId: string;
  voterId: string;
  input: CreateConversationInput;
}): Promise<ConversationView> {
  const backendIds = [...new Set(input.lineup.map((slot) => slot.backendId))];
  const known = await db.backend.findMany({
    where: { id: { in: backendIds }, ...usableBackend },
    select: { id: true },
  });
  const missing = backendIds.filter((id) => !known.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new AppError('bad_request', `Unknown backend: ${missing.join(', ')}.`);
  }
  const id = newId();
  await db.conversation.create({
    data: {
      id,
      ownerId,
      mode: 'compare',
      runMode: input.runMode,
      title: input.title ?? input.lineup.map((slot) => slot.model).join(' vs '),
      slots: {
        create: input.lineup.map((slot, position) => ({
          id: newId(),
          position,
          backendId: slot.backendId,
          model: slot.model,
          params: JSON.stringify(slot.params),
        })),
      },
    },
  });
  return reload(id, ownerId, voterId);
}

export async function updateConversation({
  id,
  ownerId,
  voterId,
  runMode,
  title,
}: {
  id: string;
  ownerId: string;
  voterId: string;
  runMode?: RunMode;
  title?: string;
}): Promise<ConversationView> {
  await assertOwned({ id, ownerId });
  await db.conversation.update({ where: { id }, data: { runMode, title } });
  return reload(id, ownerId, voterId);
}

export async function updateSlotParams({
  conversationId,
  slotId,
  ownerId,
  voterId,
  params,
}: {
  conversationId: string;
  slotId: string;
  ownerId: string;
  voterId: string;
  params: SlotParams;
}): Promise<ConversationView> {
  await assertOwned({ id: conversationId, ownerId });
  const { count } = await db.slot.updateMany({
    where: { id: slotId, conversationId },
    data: { params: JSON.stringify(params) },
  });
  if (count === 0) throw new AppError('not_found', 'No such slot in this conversation.');
  return reload(conversationId, ownerId, voterId);
}

export async function deleteConversation({ id, ownerId }: { id: string; ownerId: string }) {
  await assertOwned({ id, ownerId });
  // Abort upstream requests first: nothing keeps generating for a conversation that is gone.
  await stopConversation({ conversationId: id });
  await db.conversation.delete({ where: { id } });
}
