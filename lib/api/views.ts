/** What the HTTP API answers; the UI and docs/api.md use exactly these shapes. */
import type { BackendKind, ModelInfo } from '@/lib/backends/types';
import type { ErrorCode } from '@/lib/errors';
import type { BattleOutcome, RunMode, SlotParams, VerdictBest } from './inputs';
import type { MessageStatus } from './message-status';

export type { MessageStatus };

/** Times in ms, from the moment the request left Versus; null where unknown. */
export interface MessageMetrics {
  /** Time to first token: the first token of any kind (reasoning, a `<think>` tag, answer). */
  ttftMs: number | null;
  /**
   * Time to the first token of the answer, after the reasoning; null for an answer without
   * reasoning (then it is ttftMs).
   */
  answerTtftMs: number | null;
  reasoningMs: number | null;
  totalMs: number | null;
  /**
   * Time the backend spent loading the model (Ollama's load_duration), part of ttftMs and
   * never of the generation time behind tokensPerSecond.
   */
  loadMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  tokensPerSecond: number | null;
  /** True when the token counts came from the backend, false when Versus counted chunks. */
  countsReported: boolean;
}

export interface MessageView {
  id: string;
  turnId: string;
  slotId: string;
  attempt: number;
  status: MessageStatus;
  content: string;
  reasoning: string;
  error: { code: ErrorCode; message: string } | null;
  finishReason: string | null;
  params: SlotParams;
  modelInfo: Partial<ModelInfo>;
  metrics: MessageMetrics;
  /** The attempt on show in its cell, which the slot's later prompts go on from. */
  shown: boolean;
}

/** In a blind battle: model "Model A" or "Model B", backendKind null, backendId and label empty. */
export interface SlotView {
  id: string;
  position: number;
  backendId: string;
  backendKind: BackendKind | null;
  backendLabel: string;
  model: string;
  params: SlotParams;
}

export interface TurnView {
  id: string;
  index: number;
  prompt: string;
  createdAt: string;
  /**
   * Every attempt of every slot's answer, in slot order then attempt order; exactly one attempt
   * per slot is `shown`.
   */
  messages: MessageView[];
  /** This browser's named verdict on the turn (compare mode): the best slot's position, or tie. */
  verdict: VerdictBest | null;
}

/** A battle's state as its reader may know it. */
export interface BattleView {
  /** False until the vote: the slots are "Model A" and "Model B" and nothing names a model. */
  revealed: boolean;
  /** This browser started the battle: it may vote on it. */
  mine: boolean;
  /** The vote, once cast; `leaked` when the answers told the models apart (kept off the board). */
  vote: { outcome: BattleOutcome; leaked: boolean; leakReason: string | null } | null;
}

export interface ConversationView {
  id: string;
  title: string;
  mode: 'compare' | 'battle';
  runMode: RunMode;
  createdAt: string;
  updatedAt: string;
  slots: SlotView[];
  /** The latest turns, in order (all of them unless the reader asked for fewer). */
  turns: TurnView[];
  /** How many turns precede `turns[0]`: `GET /api/conversations/:id/turns?before=` pages them. */
  earlierTurns: number;
  /** Null for a comparison. */
  battle: BattleView | null;
  /** The suite run this conversation answers one item of (lib/suites); absent otherwise. */
  suiteRunId?: string;
}

/** A page of earlier turns. */
export interface TurnPage {
  turns: TurnView[];
  earlierTurns: number;
}

export interface ConversationSummary {
  id: string;
  title: string;
  mode: 'compare' | 'battle';
  updatedAt: string;
  models: string[];
}

export interface BackendView {
  id: string;
  kind: BackendKind;
  label: string;
  baseUrl: string;
  status: 'ok' | 'error';
  error: { code: ErrorCode; message: string } | null;
  models: ModelInfo[];
}

/** One of the reader's share links, as the share dialog and the Shares page list it. */
export interface ShareSummary {
  id: string;
  /** The link's path, `/s/<slug>`. */
  path: string;
  conversationId: string;
  title: string;
  blind: boolean;
  showOwner: boolean;
  indexable: boolean;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Turns in the snapshot, and in the conversation now: more means the share can be updated. */
  turns: number;
  conversationTurns: number;
  /** Recipients' votes on a blind challenge. */
  votes: number;
}

/** How a blind challenge's recipients voted. */
export type ShareTally = Record<BattleOutcome, number>;

/** A share page: the snapshot through the one projection, and what the recipient may know. */
export interface SharedConversation {
  conversation: ConversationView;
  share: {
    blind: boolean;
    /** The owner's name, when they chose to show it. */
    owner: string | null;
    updatedAt: string;
    /** This recipient's vote on a blind challenge, and everyone's once they voted. */
    vote: BattleOutcome | null;
    tally: ShareTally | null;
  };
}

/** A backend as the admin's Backends page shows it: never its key or header values. */
export interface AdminBackendView {
  id: string;
  kind: BackendKind;
  label: string;
  /** Without credentials in it. */
  baseUrl: string;
  /** env: named by the environment (its address and key are changed there); ui: added here. */
  source: 'env' | 'ui';
  enabled: boolean;
  /** A key is stored (or set in the environment): shown masked, never sent back. */
  hasKey: boolean;
  /** The names of its extra headers; their values stay on the server. */
  headerNames: string[];
  updatedAt: string;
}

/** One change to a backend, as the Backends page lists it. */
export interface BackendAuditView {
  id: string;
  backendId: string;
  backendLabel: string;
  actorName: string;
  action: string;
  /** Field → { from, to }; a key or headers only as changed. */
  changes: Record<string, unknown>;
  createdAt: string;
}

/** What "Test connection" found: the server's version and models, or why it failed. */
export type BackendTestView =
  | { ok: true; version: string | null; models: ModelInfo[]; ms: number }
  | { ok: false; error: { code: ErrorCode; message: string }; ms: number };

/** A backend's status as the background check last saw it. */
export interface BackendHealthView {
  id: string;
  label: string;
  status: 'ok' | 'error';
  error: { code: ErrorCode; message: string } | null;
  checkedAt: string;
}

/** A model Ollama has in memory, as the Backends page shows it. */
export interface LoadedModelView {
  id: string;
  sizeBytes: number;
  vramBytes: number;
  expiresAt: string | null;
  contextLength: number | null;
}

/** One line of a pull's answer (NDJSON): Ollama's progress, then done or an error. */
export type PullLine =
  | { status: string; digest?: string; total?: number; completed?: number }
  | { done: true }
  | { error: { code: ErrorCode; message: string } };
