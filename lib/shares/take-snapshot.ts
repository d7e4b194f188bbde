import 'server-only';
import { isRunning } from '@/lib/api/message-status';
import { blindErrorMessage } from '@/lib/battles/blind';
import { type VoteRecord, voteRecordOf } from '@/lib/battles/vote-record';
import { db } from '@/lib/db/client';
import { AppError, type ErrorCode } from '@/lib/errors';
import type { ShareSnapshot } from './snapshot';

async function readConversation(id: string, ownerId: string, voterId: string) {
  return db.conversation.findFirst({
    where: { id, ownerId },
    select: {
      title: true,
      mode: true,
      runMode: true,
      createdAt: true,
      updatedAt: true,
      revealedAt: true,
      votes: {
        where: { OR: [{ scope: 'battle' }, { voterId }] },
        select: { scope: true, outcome: true, leaked: true, leakReason: true },
      },
      slots: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          backendId: true,
          model: true,
          params: true,
          backend: { select: { kind: true, label: true } },
        },
      },
      turns: {
        orderBy: { index: 'asc' },
        select: {
          id: true,
          index: true,
          prompt: true,
          createdAt: true,
          messages: { where: { shown: true } },
        },
      },
    },
  });
}

type Conversation = NonNullable<Awaited<ReturnType<typeof readConversation>>>;

/**
 * A backend as a share names it: by its kind. Labels from the environment carry the server's
 * host and port ("OpenAI-compatible (10.0.0.5:8000)"), which a share must not show.
 */
const KIND_NAMES: Record<string, string> = {
  ollama: 'Ollama',
  openai: 'OpenAI-compatible',
  deepseek: 'DeepSeek',
};

/** The turns whose answers are all written: a share never shows an answer mid-stream. */
function finishedTurns(conversation: Conversation) {
  const finished: Conversation['turns'] = [];
  for (const turn of conversation.turns) {
    if (turn.messages.length === 0 || turn.messages.some((m) => isRunning(m.status))) break;
    finished.push(turn);
  }
  return finished;
}

/**
 * A snapshot of one of `ownerId`'s conversations for a share, with the owner's verdicts
 * (`voterId`'s), and for a blind challenge what a recipient's vote will record. Refused: a
 * blind battle shared openly (it would name the models before the vote), a blind challenge of
 * anything but a battle, and a conversation without a finished turn.
 */
export async function takeSnapshot({
  conversationId,
  ownerId,
  voterId,
  blind,
}: {
  conversationId: string;
  ownerId: string;
  voterId: string;
  blind: boolean;
}): Promise<{ snapshot: ShareSnapshot; arena: VoteRecord | null }> {
  const conversation = await readConversation(conversationId, ownerId, voterId);
  if (!conversation) throw new AppError('not_found', 'No such conversation.');
  const battle = conversation.mode === 'battle';
  if (blind && !battle) {
    throw new AppError('bad_request', 'Only a battle can be shared as a blind challenge.');
  }
  if (battle && !blind && conversation.revealedAt === null) {
    throw new AppError(
      'conflict',
      'This battle is still blind: vote first, or share it as a blind challenge.',
    );
  }
  const turns = finishedTurns(conversation);
  if (turns.length === 0) {
    throw new AppError('conflict', 'Nothing to share yet: wait until the first answers finish.');
  }
  const positionOf = new Map(conversation.slots.map((slot) => [slot.id, slot.position]));
  const turnIndex = new Map(turns.map((turn) => [turn.id, turn.index]));
  const snapshot: ShareSnapshot = {
    version: 1,
    title: conversation.title,
    mode: battle ? 'battle' : 'compare',
    runMode: conversation.runMode,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    revealed: conversation.revealedAt !== null,
    slots: conversation.slots.map(({ position, model, params, backend }) => ({
      position,
      model,
      params,
      backend: { kind: backend.kind, label: KIND_NAMES[backend.kind] ?? backend.kind },
    })),
    turns: turns.map((turn) => ({
      index: turn.index,
      prompt: turn.prompt,
      createdAt: turn.createdAt,
      messages: turn.messages.map(
        ({ id, turnId, slotId, shown, startedAt, finishedAt, heartbeatAt, ...message }) => ({
          ...message,
          // The adapters' messages name the backend's URL: a share tells an error by its code.
          errorMessage: message.errorCode && blindErrorMessage(message.errorCode as ErrorCode),
          position: positionOf.get(slotId) ?? 0,
        }),
      ),
    })),
    votes: conversation.votes.flatMap((vote) => {
      if (vote.scope === 'battle') return [vote];
      const index = turnIndex.get(vote.scope);
      return index === undefined ? [] : [{ ...vote, scope: String(index) }];
    }),
  };
  return { snapshot, arena: blind ? voteRecordOf({ slots: conversation.slots, turns }) : null };
}
