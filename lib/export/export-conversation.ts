import 'server-only';
import { slotParamsSchema, type VerdictBest } from '@/lib/api/inputs';
import { styleCountsSchema } from '@/lib/arena/vote';
import { isBlind } from '@/lib/battles/blind';
import { parseJsonColumn } from '@/lib/conversations/parse-json';
import { metricsOf, modelInfoSchema } from '@/lib/conversations/to-view';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import {
  CONVERSATION_FORMAT,
  CONVERSATION_FORMAT_VERSION,
  type ConversationExport,
  conversationExportSchema,
  type ExportedMessage,
  type ExportedSlot,
  type ExportedVote,
  type ExportedVotedModel,
} from './conversation-json';

/** Everything of a conversation a file holds: the battle's vote and the reader's own verdicts. */
function exportInclude(voterId: string) {
  return {
    slots: {
      orderBy: { position: 'asc' as const },
      include: { backend: { select: { kind: true, label: true } } },
    },
    // A turn without messages is a claim still being written (lib/generation/turn-claims.ts).
    turns: {
      where: { messages: { some: {} } },
      orderBy: { index: 'asc' as const },
      include: { messages: true },
    },
    votes: { where: { OR: [{ scope: 'battle' as const }, { voterId }] } },
  };
}

/**
 * The owner's conversations for export: one by id, or every one with a vote or verdict the
 * reader may see (the battle's vote, their own verdicts), oldest first.
 */
export function readForExport({
  ownerId,
  voterId,
  id,
}: {
  ownerId: string;
  voterId: string;
  id?: string;
}) {
  const where = id ? { id } : { votes: { some: exportInclude(voterId).votes.where } };
  return db.conversation.findMany({
    where: { ...where, ownerId },
    include: exportInclude(voterId),
    orderBy: { createdAt: 'asc' },
  });
}

export type ExportRow = Awaited<ReturnType<typeof readForExport>>[number];
type MessageRow = ExportRow['turns'][number]['messages'][number];

const iso = (date: Date | null) => date?.toISOString() ?? null;
const isoOf = (date: Date) => date.toISOString();
const parseArray = (json: string): unknown[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

/** A vote's model records, without the instance's backend ids. */
function votedModels(json: string): ExportedVotedModel[] {
  return parseArray(json).map((entry) => {
    const model = (entry ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return {
      backendKind: text(model.backendKind) ?? '',
      backendLabel: text(model.backendLabel) ?? '',
      model: text(model.model) ?? '',
      digest: text(model.digest),
      quantization: text(model.quantization),
      parameterSize: text(model.parameterSize),
      params: slotParamsSchema.safeParse(model.params).data ?? {},
    };
  });
}

function styles(json: string) {
  return parseArray(json).flatMap((entry) => styleCountsSchema.safeParse(entry).data ?? []);
}

function toMessage(row: MessageRow, slotPosition: Map<string, number>): ExportedMessage {
  return {
    slot: slotPosition.get(row.slotId) ?? 0,
    attempt: row.attempt,
    status: row.status as ExportedMessage['status'],
    content: row.content,
    reasoning: row.reasoning,
    error:
      row.errorCode && row.errorMessage
        ? {
            code: row.errorCode as NonNullable<ExportedMessage['error']>['code'],
            message: row.errorMessage,
          }
        : null,
    finishReason: row.finishReason,
    params: parseJsonColumn(slotParamsSchema, row.params),
    modelInfo: parseJsonColumn(modelInfoSchema, row.modelInfo),
    metrics: metricsOf(row),
    reasoningFormat: row.reasoningFormat as ExportedMessage['reasoningFormat'],
    shown: row.shown,
    createdAt: isoOf(row.createdAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** A conversation as its file has it. Refuses a blind battle: the file names every model. */
export function toConversationExport(row: ExportRow, now = new Date()): ConversationExport {
  if (isBlind(row)) {
    throw new AppError(
      'conflict',
      'This battle is still blind: vote first. An export names both models, so it waits for the vote.',
    );
  }
  const slotPosition = new Map(row.slots.map((slot) => [slot.id, slot.position]));
  const turnIndex = new Map(row.turns.map((turn) => [turn.id, turn.index]));
  const battleVote =
    row.mode === 'battle' ? row.votes.find((vote) => vote.scope === 'battle') : undefined;
  const doc: ConversationExport = {
    format: CONVERSATION_FORMAT,
    version: CONVERSATION_FORMAT_VERSION,
    exportedAt: isoOf(now),
    title: row.title,
    mode: row.mode === 'battle' ? 'battle' : 'compare',
    runMode: row.runMode === 'sequential' ? 'sequential' : 'parallel',
    createdAt: isoOf(row.createdAt),
    revealedAt: iso(row.revealedAt),
    lineup: row.slots.map((slot) => ({
      position: slot.position,
      backend: {
        kind: slot.backend.kind as ExportedSlot['backend']['kind'],
        label: slot.backend.label,
      },
      model: slot.model,
      params: parseJsonColumn(slotParamsSchema, slot.params),
    })),
    turns: row.turns.map((turn) => ({
      index: turn.index,
      prompt: turn.prompt,
      createdAt: isoOf(turn.createdAt),
      messages: turn.messages
        .map((message) => toMessage(message, slotPosition))
        .sort((a, b) => a.slot - b.slot || a.attempt - b.attempt),
    })),
    vote: battleVote
      ? {
          outcome: battleVote.outcome as ExportedVote['outcome'],
          turns: battleVote.turns,
          leaked: battleVote.leaked,
          leakReason: battleVote.leakReason,
          models: votedModels(battleVote.models),
          style: styles(battleVote.style),
          createdAt: isoOf(battleVote.createdAt),
        }
      : null,
    verdicts: row.votes
      .flatMap((vote) => {
        const turn = turnIndex.get(vote.scope);
        if (vote.scope === 'battle' || turn === undefined) return [];
        const best: VerdictBest = vote.outcome === 'tie' ? 'tie' : Number(vote.outcome);
        return [
          {
            turn,
            best,
            models: votedModels(vote.models),
            style: styles(vote.style),
            createdAt: isoOf(vote.createdAt),
          },
        ];
      })
      .sort((a, b) => a.turn - b.turn),
  };
  // What is written must read back: the export checks itself against the import's schema.
  return conversationExportSchema.parse(doc);
}

/** One of the owner's conversations as a file; 404 for anyone else's, 409 for a blind battle. */
export async function exportConversation({
  id,
  ownerId,
  voterId,
}: {
  id: string;
  ownerId: string;
  voterId: string;
}): Promise<ConversationExport> {
  const [row] = await readForExport({ id, ownerId, voterId });
  if (!row) throw new AppError('not_found', 'No such conversation.');
  return toConversationExport(row);
}
