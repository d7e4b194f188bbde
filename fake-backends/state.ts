import type { ServerResponse } from 'node:http';
import { now } from './clock';
import type { BackendKind, Fault, ResolvedModelScript } from './script';
import type { PlannedToken } from './tokens';

/** Ground truth of one chat request, as the fake served it. Times are epoch ms (fractional). */
export interface Run {
  id: string;
  backend: BackendKind;
  model: string;
  /** HTTP status sent (200 for every stream, even one that later fails). */
  status: number;
  startedAt: number;
  /** The first token of any kind: trace, answer or tag. */
  firstTokenAt: number | null;
  /** The first token of the answer (after the trace and its tags). */
  firstAnswerAt: number | null;
  lastTokenAt: number | null;
  endedAt: number | null;
  /** Configured time to first token and rate; measured ones follow from the times above. */
  ttftMs: number;
  tokensPerSecond: number;
  /** Tokens of the reasoning trace, wherever it went (a field or inside <think> tags). */
  reasoningTokens: number;
  /** Tokens of the answer. */
  contentTokens: number;
  /** Every emitted token: trace, answer and tags. */
  completionTokens: number;
  promptTokens: number;
  /** ms since startedAt for each emitted token. */
  tokenTimes: number[];
  finishReason: 'stop' | 'length' | null;
  request: unknown;
  /** The client went away (or the fakes closed) before the server ended the response. */
  aborted: boolean;
  fault: Fault | null;
}

/** A model Ollama has in memory (/api/ps): until when, and how much of it in VRAM. */
export interface LoadedModel {
  id: string;
  expiresAt: number;
}

/** One /api/pull as the fake served it: ground truth for tests. */
export interface PullRecord {
  model: string;
  /** Bytes reported complete when it ended. */
  completed: number;
  total: number;
  outcome: 'running' | 'success' | 'aborted' | 'not-found';
}

export interface StoredModel {
  script: ResolvedModelScript;
  /** When it was scripted; Ollama reports it as modified_at. */
  addedAt: number;
}

const defaultPullStepMs = 5;

/** One server's models, its runs, and the responses still open. */
export class ServerState {
  readonly kind: BackendKind;
  private readonly catalog: ResolvedModelScript[];
  private readonly pullableCatalog: ResolvedModelScript[];
  private readonly models = new Map<string, StoredModel>();
  /** Models a pull can fetch (Ollama's registry), by name. */
  readonly pullable = new Map<string, ResolvedModelScript>();
  /** What a chat loaded, by model id (Ollama keeps a model 5 minutes after its last use). */
  readonly loaded = new Map<string, LoadedModel>();
  readonly pulls: PullRecord[] = [];
  /** The pause between two progress lines of a pull; a test slows it to watch or cancel one. */
  pullStepMs = defaultPullStepMs;
  private readonly runs: Run[] = [];
  private readonly open = new Set<ServerResponse>();
  private runCount = 0;

  constructor(
    kind: BackendKind,
    catalog: ResolvedModelScript[],
    pullableCatalog: ResolvedModelScript[] = [],
  ) {
    this.kind = kind;
    this.catalog = catalog;
    this.pullableCatalog = pullableCatalog;
    this.reset();
  }

  reset(): void {
    this.models.clear();
    this.pullable.clear();
    for (const script of this.catalog) this.setModel(script);
    for (const script of this.pullableCatalog) this.pullable.set(script.id, script);
    this.runs.length = 0;
    this.loaded.clear();
    this.pulls.length = 0;
    this.pullStepMs = defaultPullStepMs;
  }

  deleteModel(id: string): boolean {
    this.loaded.delete(id);
    return this.models.delete(id);
  }

  /** Installs a model; a pull can fetch it again after a delete. */
  setModel(script: ResolvedModelScript): void {
    this.models.set(script.id, { script, addedAt: now() });
    this.pullable.set(script.id, script);
  }

  getModel(id: string): StoredModel | undefined {
    return this.models.get(id);
  }

  listModels(): StoredModel[] {
    return [...this.models.values()];
  }

  startRun(input: { model: string; request: unknown; script: ResolvedModelScript | null }): Run {
    this.runCount += 1;
    const run: Run = {
      id: `${this.kind}-${this.runCount}`,
      backend: this.kind,
      model: input.model,
      status: 200,
      startedAt: now(),
      firstTokenAt: null,
      firstAnswerAt: null,
      lastTokenAt: null,
      endedAt: null,
      ttftMs: input.script?.ttftMs ?? 0,
      tokensPerSecond: input.script?.tokensPerSecond ?? 0,
      reasoningTokens: 0,
      contentTokens: 0,
      completionTokens: 0,
      promptTokens: 0,
      tokenTimes: [],
      finishReason: null,
      request: input.request,
      aborted: false,
      fault: input.script?.fault ?? null,
    };
    this.runs.push(run);
    return run;
  }

  /**
   * Ties a run to its response: when the socket closes before the server ended the run,
   * the run is marked aborted and the returned signal fires, which clears every timer.
   */
  track(run: Run, res: ServerResponse): AbortSignal {
    const controller = new AbortController();
    const onClose = () => {
      this.open.delete(res);
      if (run.endedAt === null) {
        run.aborted = true;
        run.endedAt = now();
      }
      controller.abort();
    };
    // The client may already have left while its body was being read.
    if (!res.socket || res.socket.destroyed) {
      onClose();
      return controller.signal;
    }
    this.open.add(res);
    res.on('close', onClose);
    return controller.signal;
  }

  /** Copies, so callers cannot change the record under a live stream. */
  snapshot(): Run[] {
    return structuredClone(this.runs);
  }

  /** Ends every open response; resolves once their runs are marked aborted. */
  destroyOpen(): Promise<void> {
    const closed = [...this.open].map(
      (res) => new Promise<void>((resolve) => res.once('close', () => resolve())),
    );
    for (const res of this.open) res.destroy();
    return Promise.all(closed).then(() => undefined);
  }
}

export function recordToken(run: Run, token: PlannedToken): void {
  const at = now();
  run.firstTokenAt ??= at;
  run.lastTokenAt = at;
  run.tokenTimes.push(at - run.startedAt);
  run.completionTokens += 1;
  if (token.part === 'reasoning') run.reasoningTokens += 1;
  if (token.part === 'answer') {
    run.firstAnswerAt ??= at;
    run.contentTokens += 1;
  }
}

export function endRun(run: Run): void {
  run.endedAt ??= now();
}
