/** What the suites API answers; the suites pages and docs/api.md use exactly these shapes. */

import type { BackendKind } from '@/lib/backends/types';
import type { CheckVerdict, SuiteCheck } from '@/lib/suites/checks';
import type { RunMode, SlotParams } from './inputs';
import type { MessageStatus } from './message-status';
import type { SuiteSettings } from './suite-inputs';

export interface SuitePrompt {
  id: string;
  title: string;
  prompt: string;
  check: SuiteCheck;
}

export interface SuiteView {
  id: string;
  name: string;
  prompts: SuitePrompt[];
  settings: SuiteSettings;
  createdAt: string;
  updatedAt: string;
}

export type SuiteRunStatus = 'running' | 'paused' | 'done';

/** A run in a list: what it ran and how far it got. */
export interface SuiteRunSummary {
  id: string;
  suiteId: string | null;
  suiteName: string;
  models: string[];
  mode: 'compare' | 'blind';
  repeats: number;
  status: SuiteRunStatus;
  doneCells: number;
  totalCells: number;
  createdAt: string;
}

export interface SuiteListEntry extends SuiteView {
  runs: SuiteRunSummary[];
}

/** One column of a run: a model of its lineup. */
export interface RunModelView {
  position: number;
  backendId: string;
  backendKind: BackendKind | null;
  backendLabel: string;
  model: string;
  params: SlotParams;
}

/** One model's answer to one item: its verdict and its speed. */
export interface RunCellView {
  position: number;
  /** The shown attempt's message; null before the item starts. */
  messageId: string | null;
  status: MessageStatus | 'queued';
  /** Null until the answer is in (and, in a blind run, until the battle's vote). */
  verdict: CheckVerdict | null;
  detail: string;
  judgedBy: 'check' | 'person' | null;
  errorCode: string | null;
  ttftMs: number | null;
  answerTtftMs: number | null;
  totalMs: number | null;
  tokensPerSecond: number | null;
  completionTokens: number | null;
}

export interface RunItemView {
  id: string;
  promptIndex: number;
  repeat: number;
  conversationId: string | null;
  status: 'queued' | 'running' | 'done';
  /** A blind run's battle not voted on yet: its cells say nothing until the vote. */
  awaitingVote: boolean;
  cells: RunCellView[];
}

export interface RunProgress {
  doneCells: number;
  totalCells: number;
  /** Time spent running, without pauses. */
  activeMs: number;
  /** Time still needed at the pace so far; null before the first item is done. */
  estimateMs: number | null;
}

export interface SuiteRunView {
  id: string;
  suiteId: string | null;
  suiteName: string;
  prompts: SuitePrompt[];
  settings: SuiteSettings;
  models: RunModelView[];
  repeats: number;
  mode: 'compare' | 'blind';
  runMode: RunMode;
  status: SuiteRunStatus;
  progress: RunProgress;
  items: RunItemView[];
  createdAt: string;
  finishedAt: string | null;
}
