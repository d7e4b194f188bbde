import 'server-only';
import { slotParamsSchema } from '@/lib/api/inputs';
import type { BackendConnection, ChatMessage } from '@/lib/backends/types';
import { type BackendRow, resolveBackend } from '@/lib/catalog/backend-connection';
import { parseJsonColumn } from '@/lib/conversations/parse-json';
import { db } from '@/lib/db/client';
import type { AppError } from '@/lib/errors';
import { buildChatMessages } from './history';

/** Everything one upstream request needs, so that sending it touches no database. */
export interface PreparedRequest {
  model: string;
  params: ReturnType<typeof parseSlotParams>;
  connection: BackendConnection;
  /** Why nothing may be sent (an imported, disabled or removed backend), or null. */
  unavailable: AppError | null;
  messages: ChatMessage[];
  /** The slot's last answer with reasoning had it closed by a bare `</think>` (ChatRequest). */
  reasoningFirst: boolean;
}

const parseSlotParams = (json: string) => parseJsonColumn(slotParamsSchema, json);

interface SlotWithBackend {
  id: string;
  model: string;
  params: string;
  backend: BackendRow;
}

interface PastTurnRow {
  prompt: string;
  /** Every attempt of every slot; the one on show (`shown`) is the slot's history. */
  messages: { slotId: string; content: string; reasoningFormat?: string | null; shown: boolean }[];
}

/** The slot's answer on show in a turn: the attempt the conversation goes on from. */
const shownAnswer = (turn: PastTurnRow, slotId: string) =>
  turn.messages.find((message) => message.slotId === slotId && message.shown);

/**
 * Whether the slot's model should be read as reasoning from its first token: the latest of its
 * answers that showed how its reasoning arrives closed it with a bare `</think>` (an R1 distill
 * behind a server without a reasoning parser), so its next answer will too.
 */
function closesBareThink(slotId: string, pastTurns: PastTurnRow[]): boolean {
  for (const turn of pastTurns.toReversed()) {
    const format = shownAnswer(turn, slotId)?.reasoningFormat;
    if (format) return format === 'closing-tag';
  }
  return false;
}

/** Builds one slot's request from rows already loaded: its history holds only its own answers. */
export function prepareRequest({
  slot,
  prompt,
  pastTurns,
}: {
  slot: SlotWithBackend;
  prompt: string;
  pastTurns: PastTurnRow[];
}): PreparedRequest {
  const params = parseSlotParams(slot.params);
  return {
    model: slot.model,
    params,
    ...resolveBackend(slot.backend),
    messages: buildChatMessages({
      systemPrompt: params.systemPrompt,
      prompt,
      // A turn without messages is a claim still being written, or abandoned: not history.
      pastTurns: pastTurns
        .filter((turn) => turn.messages.length > 0)
        .map((turn) => ({
          prompt: turn.prompt,
          answer: shownAnswer(turn, slot.id)?.content ?? null,
        })),
    }),
    reasoningFirst: closesBareThink(slot.id, pastTurns),
  };
}

/** The request of an existing message (a retry), read from the database. */
export async function loadRequest(messageId: string): Promise<PreparedRequest> {
  const message = await db.message.findUniqueOrThrow({
    where: { id: messageId },
    include: { slot: { include: { backend: true } }, turn: true },
  });
  const pastTurns = await db.turn.findMany({
    where: {
      conversationId: message.turn.conversationId,
      index: { lt: message.turn.index },
      messages: { some: {} },
    },
    orderBy: { index: 'asc' },
    select: {
      prompt: true,
      messages: {
        where: { slotId: message.slotId, shown: true },
        select: { slotId: true, content: true, reasoningFormat: true, shown: true },
      },
    },
  });
  return prepareRequest({ slot: message.slot, prompt: message.turn.prompt, pastTurns });
}
