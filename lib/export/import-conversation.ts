import 'server-only';
import { isRunning } from '@/lib/api/message-status';
import { IMPORTED_SOURCE } from '@/lib/catalog/backend-source';
import { type Db, db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/http/respond';
import { newId } from '@/lib/ids';
import {
  CONVERSATION_FORMAT,
  CONVERSATION_FORMAT_VERSION,
  type ConversationExport,
  conversationExportSchema,
  type ExportedMessage,
  type ExportedSlot,
  type ExportedVotedModel,
} from './conversation-json';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** A large import writes thousands of rows in its one transaction; Prisma's default is 5 s. */
const IMPORT_TIMEOUT_MS = 60_000;

/** A conversation file, validated; what is wrong with it in words a person can act on. */
export function parseConversationFile(input: unknown): ConversationExport {
  const head = (typeof input === 'object' && input !== null ? input : {}) as {
    format?: unknown;
    version?: unknown;
  };
  if (head.format !== CONVERSATION_FORMAT) {
    throw new AppError(
      'bad_request',
      `This is not a Versus conversation file: its "format" must be "${CONVERSATION_FORMAT}".`,
    );
  }
  if (typeof head.version === 'number' && head.version > CONVERSATION_FORMAT_VERSION) {
    throw new AppError(
      'bad_request',
      `This file is format version ${head.version}, from a newer Versus; this one reads version ${CONVERSATION_FORMAT_VERSION}.`,
    );
  }
  return parseInput(conversationExportSchema, input);
}

/**
 * The Backend row of each slot, by kind and label: a backend configured here when there is one
 * (the conversation can go on), else the row an earlier import recorded, else a new one that
 * records what it was (lib/catalog/backend-source.ts explains why such a row is never used).
 */
async function backendsOf(tx: Tx, lineup: ExportedSlot[]): Promise<string[]> {
  const keyOf = ({ kind, label }: { kind: string; label: string }) => `${kind}\n${label}`;
  const wanted = new Map(lineup.map((slot) => [keyOf(slot.backend), slot.backend]));
  const rows = await tx.backend.findMany({
    where: { OR: [...wanted.values()].map(({ kind, label }) => ({ kind, label })) },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, label: true, source: true, enabled: true, removedAt: true },
  });
  const chosen = new Map<string, string>();
  for (const [key, backend] of wanted) {
    const matches = rows.filter((row) => keyOf(row) === key);
    // One that answers prompts first; a disabled or removed one still names it.
    const configured = matches.filter((row) => row.source !== IMPORTED_SOURCE);
    const usable = configured.find((row) => row.enabled && !row.removedAt) ?? configured[0];
    const recorded = matches.find((row) => row.source === IMPORTED_SOURCE);
    let id = usable?.id ?? recorded?.id;
    if (!id) {
      id = `imported-${newId()}`;
      await tx.backend.create({
        data: {
          id,
          kind: backend.kind,
          label: backend.label,
          baseUrl: '',
          source: IMPORTED_SOURCE,
        },
      });
    }
    chosen.set(key, id);
  }
  return lineup.map((slot) => chosen.get(keyOf(slot.backend)) ?? '');
}

/** A message that was still running when exported: nothing will finish it here. */
function settled(message: ExportedMessage) {
  if (!isRunning(message.status)) return { status: message.status, error: message.error };
  return {
    status: 'interrupted' as const,
    error: message.error ?? {
      code: 'interrupted' as const,
      message:
        'This answer was still being written when the conversation was exported; the text so far is kept.',
    },
  };
}

const date = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Imports a conversation file as a new conversation of `ownerId`: new ids throughout, every
 * row in one transaction (a file refused half-way leaves nothing). Timestamps of turns,
 * messages and votes are the file's; the conversation's `updatedAt` is now (it lists first) and
 * `importedAt` marks it, so that its votes stay off the leaderboard. Votes and verdicts become
 * the importer's (`voterId`). Answers still running in the file end as interrupted.
 */
export async function importConversation({
  ownerId,
  voterId,
  input,
}: {
  ownerId: string;
  voterId: string;
  input: unknown;
}): Promise<{ id: string }> {
  const doc = parseConversationFile(input);
  const id = newId();
  const now = new Date();
  const slotIds = doc.lineup.map(() => newId());
  const turnIds = new Map(doc.turns.map((turn) => [turn.index, newId()]));
  await db.$transaction(
    async (tx) => {
      const backendIds = await backendsOf(tx, doc.lineup);
      const withBackendIds = (models: ExportedVotedModel[]) =>
        JSON.stringify(
          models.map((model, position) => ({ backendId: backendIds[position] ?? '', ...model })),
        );
      await tx.conversation.create({
        data: {
          id,
          ownerId,
          mode: doc.mode,
          runMode: doc.runMode,
          title: doc.title,
          revealedAt: date(doc.revealedAt),
          voterId: doc.mode === 'battle' ? voterId : null,
          createdAt: new Date(doc.createdAt),
          updatedAt: now,
          importedAt: now,
        },
      });
      await tx.slot.createMany({
        data: doc.lineup.map((slot) => ({
          id: slotIds[slot.position] ?? '',
          conversationId: id,
          position: slot.position,
          backendId: backendIds[slot.position] ?? '',
          model: slot.model,
          params: JSON.stringify(slot.params),
        })),
      });
      await tx.turn.createMany({
        data: doc.turns.map((turn) => ({
          id: turnIds.get(turn.index) ?? '',
          conversationId: id,
          index: turn.index,
          prompt: turn.prompt,
          createdAt: new Date(turn.createdAt),
        })),
      });
      await tx.message.createMany({
        data: doc.turns.flatMap((turn) =>
          turn.messages.map((message) => {
            const { status, error } = settled(message);
            return {
              id: newId(),
              turnId: turnIds.get(turn.index) ?? '',
              slotId: slotIds[message.slot] ?? '',
              attempt: message.attempt,
              status,
              content: message.content,
              reasoning: message.reasoning,
              errorCode: error?.code ?? null,
              errorMessage: error?.message ?? null,
              finishReason: message.finishReason,
              params: JSON.stringify(message.params),
              modelInfo: JSON.stringify(message.modelInfo),
              ...message.metrics,
              reasoningFormat: message.reasoningFormat,
              shown: message.shown,
              createdAt: new Date(message.createdAt),
              startedAt: date(message.startedAt),
              finishedAt: date(message.finishedAt),
            };
          }),
        ),
      });
      const vote = doc.vote
        ? [
            {
              scope: 'battle',
              blind: true,
              outcome: doc.vote.outcome,
              turns: doc.vote.turns,
              leaked: doc.vote.leaked,
              leakReason: doc.vote.leakReason,
              models: withBackendIds(doc.vote.models),
              style: JSON.stringify(doc.vote.style),
              createdAt: new Date(doc.vote.createdAt),
            },
          ]
        : [];
      const verdicts = doc.verdicts.map((verdict) => ({
        scope: turnIds.get(verdict.turn) ?? '',
        blind: false,
        outcome: String(verdict.best),
        turns: 1,
        leaked: false,
        leakReason: null,
        models: withBackendIds(verdict.models),
        style: JSON.stringify(verdict.style),
        createdAt: new Date(verdict.createdAt),
      }));
      await tx.vote.createMany({
        data: [...vote, ...verdicts].map((row) => ({
          id: newId(),
          conversationId: id,
          voterId,
          ...row,
        })),
      });
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
  return { id };
}
