import { z } from 'zod';
import {
  type BattleOutcome,
  battleOutcomeSchema,
  slotParamsSchema,
  type VerdictBest,
} from '@/lib/api/inputs';
import type {
  BattleView,
  ConversationView,
  MessageMetrics,
  MessageStatus,
  MessageView,
  SlotView,
  TurnView,
} from '@/lib/api/views';
import type { BackendKind } from '@/lib/backends/types';
import { BLIND_TITLE, isBlind, maskError, maskMetrics, sideName } from '@/lib/battles/blind';
import type { ErrorCode } from '@/lib/errors';
import { parseJsonColumn } from './parse-json';

// The one projection of a conversation for the browser: every page, API answer and event
// stream's snapshot is made here. In a blind battle (before its vote) it masks everything that
// names or hints at a model: slot names, backends, what the backend reported of the model,
// error texts (they name the backend) and the title.

export const modelInfoSchema = z
  .object({
    id: z.string(),
    parameterSize: z.string(),
    quantization: z.string(),
    family: z.string(),
    digest: z.string(),
    sizeBytes: z.number(),
    contextLength: z.number(),
    supportsThinking: z.boolean(),
    capabilities: z.array(z.string()),
    ownedBy: z.string(),
    vramShare: z.number(),
    loadedUntil: z.string(),
    backendVersion: z.string(),
  })
  .partial();

/** The subset of Message columns the views need; Prisma rows satisfy it structurally. */
export interface MessageRow {
  id: string;
  turnId: string;
  slotId: string;
  attempt: number;
  status: string;
  content: string;
  reasoning: string;
  errorCode: string | null;
  errorMessage: string | null;
  finishReason: string | null;
  params: string;
  modelInfo: string;
  ttftMs: number | null;
  answerTtftMs: number | null;
  reasoningMs: number | null;
  totalMs: number | null;
  loadMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  tokensPerSecond: number | null;
  countsReported: boolean;
  shown: boolean;
}

interface SlotRow {
  id: string;
  position: number;
  backendId: string;
  model: string;
  params: string;
  backend: { kind: string; label: string };
}

/** A vote or verdict, as the projection needs it. */
export interface VoteRow {
  scope: string;
  voterId: string;
  outcome: string;
  leaked: boolean;
  leakReason: string | null;
}

interface TurnRow {
  id: string;
  index: number;
  prompt: string;
  createdAt: Date;
  messages: MessageRow[];
}

export interface ConversationRow {
  id: string;
  title: string;
  mode: string;
  runMode: string;
  createdAt: Date;
  updatedAt: Date;
  revealedAt: Date | null;
  /** Who started a battle; null for a comparison. */
  voterId: string | null;
  slots: SlotRow[];
  turns: TurnRow[];
  /** The battle's vote and the reader's own verdicts. */
  votes: VoteRow[];
}

export function metricsOf(row: MessageRow): MessageMetrics {
  return {
    ttftMs: row.ttftMs,
    answerTtftMs: row.answerTtftMs,
    reasoningMs: row.reasoningMs,
    totalMs: row.totalMs,
    loadMs: row.loadMs,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    tokensPerSecond: row.tokensPerSecond,
    countsReported: row.countsReported,
  };
}

export function toMessageView(row: MessageRow, blind = false): MessageView {
  const error =
    row.errorCode && row.errorMessage
      ? { code: row.errorCode as ErrorCode, message: row.errorMessage }
      : null;
  return {
    id: row.id,
    turnId: row.turnId,
    slotId: row.slotId,
    attempt: row.attempt,
    status: row.status as MessageStatus,
    content: row.content,
    reasoning: row.reasoning,
    error: error && blind ? maskError(error) : error,
    finishReason: row.finishReason,
    params: parseJsonColumn(slotParamsSchema, row.params),
    modelInfo: blind ? {} : parseJsonColumn(modelInfoSchema, row.modelInfo),
    metrics: blind ? maskMetrics(metricsOf(row)) : metricsOf(row),
    shown: row.shown,
  };
}

function toSlotView(row: SlotRow, blind: boolean): SlotView {
  if (blind) {
    return {
      id: row.id,
      position: row.position,
      backendId: '',
      backendKind: null,
      backendLabel: '',
      model: sideName(row.position),
      params: parseJsonColumn(slotParamsSchema, row.params),
    };
  }
  return {
    id: row.id,
    position: row.position,
    backendId: row.backendId,
    backendKind: row.backend.kind as BackendKind,
    backendLabel: row.backend.label,
    model: row.model,
    params: parseJsonColumn(slotParamsSchema, row.params),
  };
}

/** Turns in index order, each with every attempt of every slot, in slot then attempt order. */
export function toTurnViews(
  turns: readonly TurnRow[],
  slots: readonly { id: string; position: number }[],
  { blind, verdicts }: { blind: boolean; verdicts: readonly VoteRow[] },
): TurnView[] {
  const slotOrder = new Map(slots.map((slot) => [slot.id, slot.position]));
  const verdictOf = new Map(verdicts.map((vote) => [vote.scope, vote.outcome]));
  return turns.map((turn) => ({
    id: turn.id,
    index: turn.index,
    prompt: turn.prompt,
    createdAt: turn.createdAt.toISOString(),
    messages: turn.messages
      .map((row) => toMessageView(row, blind))
      .sort(
        (a, b) =>
          (slotOrder.get(a.slotId) ?? 0) - (slotOrder.get(b.slotId) ?? 0) || a.attempt - b.attempt,
      ),
    verdict: verdictBest(verdictOf.get(turn.id)),
  }));
}

/** A verdict's stored outcome ("tie" or a slot position) as the view has it. */
function verdictBest(outcome: string | undefined): VerdictBest | null {
  if (outcome === undefined) return null;
  if (outcome === 'tie') return 'tie';
  const position = Number(outcome);
  return Number.isInteger(position) ? position : null;
}

function toBattleView(row: ConversationRow, voterId: string): BattleView | null {
  if (row.mode !== 'battle') return null;
  const vote = row.votes.find((candidate) => candidate.scope === 'battle');
  const outcome = battleOutcomeSchema.safeParse(vote?.outcome);
  return {
    revealed: row.revealedAt !== null,
    mine: row.voterId === voterId,
    vote:
      vote && outcome.success
        ? {
            outcome: outcome.data satisfies BattleOutcome,
            leaked: vote.leaked,
            leakReason: vote.leakReason,
          }
        : null,
  };
}

/** A conversation's title as its reader may see it. */
export function titleOf(row: {
  mode: string;
  revealedAt: Date | null;
  title: string;
  models: readonly string[];
}): string {
  if (isBlind(row)) return BLIND_TITLE;
  return row.mode === 'battle' ? `${row.models.join(' vs ')} (battle)` : row.title;
}

/** `row.turns` are the latest ones, in index order; `earlierTurns` precede them. */
export function toConversationView(
  row: ConversationRow,
  earlierTurns: number,
  voterId: string,
): ConversationView {
  const blind = isBlind(row);
  const verdicts = row.votes.filter((vote) => vote.scope !== 'battle' && vote.voterId === voterId);
  return {
    id: row.id,
    title: titleOf({ ...row, models: row.slots.map((slot) => slot.model) }),
    mode: row.mode === 'battle' ? 'battle' : 'compare',
    runMode: row.runMode === 'sequential' ? 'sequential' : 'parallel',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    slots: row.slots.map((slot) => toSlotView(slot, blind)),
    turns: toTurnViews(row.turns, row.slots, { blind, verdicts }),
    earlierTurns,
    battle: toBattleView(row, voterId),
  };
}
