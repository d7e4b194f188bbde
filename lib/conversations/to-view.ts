import { z } from 'zod';
import { slotParamsSchema } from '@/lib/api/inputs';
import type {
  ConversationView,
  MessageMetrics,
  MessageStatus,
  MessageView,
  SlotView,
  TurnView,
} from '@/lib/api/views';
import type { BackendKind } from '@/lib/backends/types';
import type { ErrorCode } from '@/lib/errors';
import { parseJsonColumn } from './parse-json';

const modelInfoSchema = z
  .object({
    id: z.string(),
    parameterSize: z.string(),
    quantization: z.string(),
    family: z.string(),
    digest: z.string(),
    sizeBytes: z.number(),
    contextLength: z.number(),
    supportsThinking: z.boolean(),
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
  slots: SlotRow[];
  turns: TurnRow[];
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

export function toMessageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    turnId: row.turnId,
    slotId: row.slotId,
    attempt: row.attempt,
    status: row.status as MessageStatus,
    content: row.content,
    reasoning: row.reasoning,
    error:
      row.errorCode && row.errorMessage
        ? { code: row.errorCode as ErrorCode, message: row.errorMessage }
        : null,
    finishReason: row.finishReason,
    params: parseJsonColumn(slotParamsSchema, row.params),
    modelInfo: parseJsonColumn(modelInfoSchema, row.modelInfo),
    metrics: metricsOf(row),
    shown: row.shown,
  };
}

function toSlotView(row: SlotRow): SlotView {
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
): TurnView[] {
  const slotOrder = new Map(slots.map((slot) => [slot.id, slot.position]));
  return turns.map((turn) => ({
    id: turn.id,
    index: turn.index,
    prompt: turn.prompt,
    createdAt: turn.createdAt.toISOString(),
    messages: turn.messages
      .map(toMessageView)
      .sort(
        (a, b) =>
          (slotOrder.get(a.slotId) ?? 0) - (slotOrder.get(b.slotId) ?? 0) || a.attempt - b.attempt,
      ),
  }));
}

/** `row.turns` are the latest ones, in index order; `earlierTurns` precede them. */
export function toConversationView(row: ConversationRow, earlierTurns: number): ConversationView {
  return {
    id: row.id,
    title: row.title,
    mode: row.mode === 'battle' ? 'battle' : 'compare',
    runMode: row.runMode === 'sequential' ? 'sequential' : 'parallel',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    slots: row.slots.map(toSlotView),
    turns: toTurnViews(row.turns, row.slots),
    earlierTurns,
  };
}
