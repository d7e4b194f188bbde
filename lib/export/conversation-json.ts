import { z } from 'zod';
import {
  battleOutcomeSchema,
  runModeSchema,
  slotParamsSchema,
  verdictBestSchema,
} from '@/lib/api/inputs';
import { FINAL_STATUSES, RUNNING_STATUSES } from '@/lib/api/message-status';
import type { MessageMetrics } from '@/lib/api/views';
import { styleCountsSchema } from '@/lib/arena/vote';
import { modelInfoSchema } from '@/lib/conversations/to-view';
import { type ErrorCode, errorCodes } from '@/lib/errors';

// The file a conversation is exported to and imported from: everything the database holds of
// it, keyed by positions and indexes instead of ids (an import makes new ones), and without
// what belongs to the instance: no backend address, no key, no account or browser id.

export const CONVERSATION_FORMAT = 'versus.conversation';
export const CONVERSATION_FORMAT_VERSION = 1;

const MAX_SLOTS = 6;
const MAX_TURNS = 10_000;
const MAX_ATTEMPTS = 100;

const timestamp = z.iso.datetime({ offset: true });
const position = z
  .number()
  .int()
  .min(0)
  .max(MAX_SLOTS - 1);
const backendKindSchema = z.enum(['ollama', 'openai', 'deepseek']);
const errorCodeSchema = z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]);

const duration = z.number().nullable();
const count = z.number().int().nonnegative().nullable();
const metricsSchema = z.object({
  ttftMs: duration,
  answerTtftMs: duration,
  reasoningMs: duration,
  totalMs: duration,
  loadMs: duration,
  promptTokens: count,
  completionTokens: count,
  tokensPerSecond: z.number().nullable(),
  countsReported: z.boolean(),
});
// The metric columns are listed in MessageMetrics (lib/api/views.ts); this fails to compile when
// the two lists differ, either way.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const metricsMatch: Same<z.infer<typeof metricsSchema>, MessageMetrics> = true;
void metricsMatch;

/** A backend as a file names it: its kind and label, never its address or key. */
const backendSchema = z.object({
  kind: backendKindSchema,
  label: z.string().trim().min(1).max(100),
});

const slotSchema = z.object({
  position,
  backend: backendSchema,
  model: z.string().trim().min(1).max(300),
  params: slotParamsSchema,
});

const messageSchema = z.object({
  /** The lineup position of the slot that answered. */
  slot: position,
  attempt: z.number().int().min(1).max(MAX_ATTEMPTS),
  status: z.enum([...RUNNING_STATUSES, ...FINAL_STATUSES]),
  content: z.string(),
  reasoning: z.string(),
  error: z.object({ code: errorCodeSchema, message: z.string().max(10_000) }).nullable(),
  finishReason: z.string().max(200).nullable(),
  /** The parameters this attempt was generated with. */
  params: slotParamsSchema,
  /** What the backend reported of the model when it answered. */
  modelInfo: modelInfoSchema,
  metrics: metricsSchema,
  /** How the reasoning arrived (a reasoning field, `<think>` tags, a bare closing tag). */
  reasoningFormat: z.enum(['field', 'tags', 'closing-tag']).nullable(),
  /** The attempt on show: exactly one per slot and turn. */
  shown: z.boolean(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

const turnSchema = z.object({
  index: z.number().int().min(0),
  prompt: z.string().min(1).max(100_000),
  createdAt: timestamp,
  /** Every attempt of every slot, in slot then attempt order. */
  messages: z
    .array(messageSchema)
    .min(1)
    .max(MAX_SLOTS * MAX_ATTEMPTS),
});

/** A model as a vote recorded it (lib/battles/voted-model.ts), without the instance's backend id. */
const votedModelSchema = z.object({
  backendKind: z.string(),
  backendLabel: z.string(),
  model: z.string(),
  digest: z.string().nullable(),
  quantization: z.string().nullable(),
  parameterSize: z.string().nullable(),
  params: slotParamsSchema,
});

/** What every judgement keeps: the models and each side's style counts, by slot position. */
const judgementFields = {
  models: z.array(votedModelSchema).max(MAX_SLOTS),
  style: z.array(styleCountsSchema).max(MAX_SLOTS),
  createdAt: timestamp,
};

const battleVoteSchema = z.object({
  outcome: battleOutcomeSchema,
  /** How many turns the vote judged. */
  turns: z.number().int().min(0),
  leaked: z.boolean(),
  leakReason: z.string().max(2_000).nullable(),
  ...judgementFields,
});

const verdictSchema = z.object({
  /** The index of the turn judged. */
  turn: z.number().int().min(0),
  best: verdictBestSchema,
  ...judgementFields,
});

const documentSchema = z.object({
  format: z.literal(CONVERSATION_FORMAT),
  version: z.literal(CONVERSATION_FORMAT_VERSION),
  exportedAt: timestamp,
  title: z.string().trim().min(1).max(2_000),
  mode: z.enum(['compare', 'battle']),
  runMode: runModeSchema,
  createdAt: timestamp,
  /** When a battle's vote revealed its models; null for a comparison. */
  revealedAt: timestamp.nullable(),
  lineup: z.array(slotSchema).min(2).max(MAX_SLOTS),
  turns: z.array(turnSchema).max(MAX_TURNS),
  /** A battle's vote: a battle is exported only once it has one. Null for a comparison. */
  vote: battleVoteSchema.nullable(),
  /** The exporter's named verdicts on turns of a comparison. */
  verdicts: z.array(verdictSchema).max(MAX_TURNS),
});

type Draft = z.infer<typeof documentSchema>;

/** The rules across fields that keep an import as consistent as a conversation made here. */
function checkConsistency(doc: Draft, ctx: z.RefinementCtx) {
  const issue = (message: string, path: (string | number)[] = []) =>
    ctx.addIssue({ code: 'custom', message, path });
  const slots = doc.lineup.length;
  if (doc.lineup.some((slot, index) => slot.position !== index)) {
    issue('slot positions must be 0, 1, … in order', ['lineup']);
  }
  const turnIndexes = new Set<number>();
  for (const [at, turn] of doc.turns.entries()) {
    if (turnIndexes.has(turn.index)) issue('turn indexes must be unique', ['turns', at, 'index']);
    turnIndexes.add(turn.index);
    for (let slot = 0; slot < slots; slot += 1) {
      const attempts = turn.messages.filter((message) => message.slot === slot);
      const numbers = new Set(attempts.map((message) => message.attempt));
      if (attempts.length === 0) issue(`no answer of slot ${slot}`, ['turns', at, 'messages']);
      if (numbers.size !== attempts.length) {
        issue(`slot ${slot} has two attempts with one number`, ['turns', at, 'messages']);
      }
      if (attempts.length > 0 && attempts.filter((message) => message.shown).length !== 1) {
        issue(`slot ${slot} must have exactly one attempt shown`, ['turns', at, 'messages']);
      }
    }
    if (turn.messages.some((message) => message.slot >= slots)) {
      issue('an answer of a slot the lineup does not have', ['turns', at, 'messages']);
    }
  }
  if (doc.mode === 'battle') {
    if (slots !== 2) issue('a battle has two slots', ['lineup']);
    if (!doc.vote || !doc.revealedAt) {
      issue('a battle is exported with its vote: vote first', ['vote']);
    }
    if (doc.verdicts.length > 0) issue('a battle takes a vote, not verdicts', ['verdicts']);
  } else if (doc.vote || doc.revealedAt) {
    issue('only a battle has a vote', ['vote']);
  }
  const judged = new Set<number>();
  for (const [at, verdict] of doc.verdicts.entries()) {
    if (!turnIndexes.has(verdict.turn)) issue('a verdict on a missing turn', ['verdicts', at]);
    if (judged.has(verdict.turn)) issue('two verdicts on one turn', ['verdicts', at]);
    judged.add(verdict.turn);
    if (verdict.best !== 'tie' && verdict.best >= slots) {
      issue('a verdict for a column the lineup does not have', ['verdicts', at, 'best']);
    }
  }
}

/** A conversation file, version 1, checked field by field and as a whole. */
export const conversationExportSchema = documentSchema.superRefine(checkConsistency);
export type ConversationExport = z.infer<typeof conversationExportSchema>;
export type ExportedSlot = ConversationExport['lineup'][number];
export type ExportedTurn = ConversationExport['turns'][number];
export type ExportedMessage = ExportedTurn['messages'][number];
export type ExportedVotedModel = z.infer<typeof votedModelSchema>;
export type ExportedVote = z.infer<typeof battleVoteSchema>;
export type ExportedVerdict = z.infer<typeof verdictSchema>;
