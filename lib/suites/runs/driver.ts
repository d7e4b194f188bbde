import 'server-only';
import { isRunning } from '@/lib/api/message-status';
import { instanceId } from '@/lib/cluster/instance';
import { db } from '@/lib/db/client';
import { claimLease, leaseHolder, releaseLease } from '@/lib/db/leases';
import { isAppError } from '@/lib/errors';
import { retryMessage, stopConversation } from '@/lib/generation/control';
import { liveMessages } from '@/lib/generation/registry';
import { startTurn } from '@/lib/generation/start-turn';
import { openItemConversation, type RunRow } from './item-conversation';
import { recordResults } from './record-results';
import { parseRun } from './run-rows';

/**
 * The runs this process drives, and whether it is shutting down (drivers then let go and ask
 * for nothing more). On globalThis: the start-up and shutdown code and every route are bundled
 * apart, and all must share one state.
 */
const store = globalThis as typeof globalThis & {
  __versusSuiteDriver?: { driving: Set<string>; stopping: boolean };
};
store.__versusSuiteDriver ??= { driving: new Set(), stopping: false };
const state = store.__versusSuiteDriver;
const { driving } = state;

/** The lease naming the process that drives a run (lib/db/leases.ts). */
const LEASE_PREFIX = 'suite-run:';
const leaseOf = (runId: string) => `${LEASE_PREFIX}${runId}`;

/** A lease outlives a missed renewal or two; a dead holder's run is taken over after it. */
const LEASE_MS = 15_000;
const RENEW_MS = 5_000;
/** How often a running item's answers are looked at (the database, so any instance may run them). */
const POLL_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims the run for this process, or renews its claim: true while the run is running and no
 * other live process holds it (the lease is one atomic statement: two instances never both
 * drive a run).
 */
async function holdLease(runId: string): Promise<boolean> {
  if (state.stopping) return false;
  const run = await db.suiteRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (run?.status !== 'running') return false;
  return claimLease({ name: leaseOf(runId), holder: instanceId, ttlMs: LEASE_MS });
}

/** Runs one item to its verdicts; 'lost' when the run was paused or taken over meanwhile. */
async function runItem(run: RunRow, item: Parameters<typeof openItemConversation>[0]['item']) {
  const { snapshot, lineup } = parseRun(run);
  const prompt = snapshot.prompts[item.promptIndex];
  if (!prompt) throw new Error(`suite run ${run.id} has no prompt ${item.promptIndex}`);
  const conversationId = await openItemConversation({ run, item });
  let renewedAt = Date.now();
  for (;;) {
    if (Date.now() - renewedAt >= RENEW_MS) {
      if (!(await holdLease(run.id))) {
        // Paused, or taken over after this process stalled: its answers stop here. At a
        // shutdown they are interrupted instead, by the shutdown itself.
        if (!state.stopping) await stopConversation({ conversationId });
        return 'lost';
      }
      renewedAt = Date.now();
    }
    const turn = await db.turn.findFirst({
      where: { conversationId, index: 0, messages: { some: {} } },
      select: { id: true },
    });
    if (!turn) {
      try {
        await startTurn({ conversationId, ownerId: run.ownerId, prompt: prompt.prompt });
      } catch (error) {
        // A claim left by a process that died is released by its sweep; try again after it.
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        await sleep(POLL_MS * 4);
      }
      continue;
    }
    const answers = await db.message.findMany({
      where: { turnId: turn.id, shown: true },
      select: {
        id: true,
        status: true,
        content: true,
        errorCode: true,
        slot: { select: { position: true, backendId: true, model: true } },
      },
    });
    const running = answers.filter((answer) => isRunning(answer.status));
    if (running.length > 0) {
      // Answers this process generates wake the driver as they end; others are polled.
      const local = running.flatMap((answer) => liveMessages.get(answer.id)?.settled ?? []);
      await Promise.race([sleep(POLL_MS), ...local]);
      continue;
    }
    // A pause stops the answers: they are asked again on resume, not judged now.
    if (!(await holdLease(run.id))) return 'lost';
    renewedAt = Date.now();
    const redo = answers.filter((a) => a.status === 'stopped' || a.status === 'interrupted');
    if (redo.length > 0) {
      for (const answer of redo) await retryMessage({ id: answer.id, ownerId: run.ownerId });
      continue;
    }
    await recordResults({ itemId: item.id, check: prompt.check, lineup, answers });
    return 'done';
  }
}

/** Adds the time since the run last (re)started to its running time, and ends it. */
async function finishRun(runId: string): Promise<void> {
  const run = await db.suiteRun.findUniqueOrThrow({ where: { id: runId } });
  const now = new Date();
  await db.suiteRun.updateMany({
    where: { id: runId, status: 'running' },
    data: {
      status: 'done',
      finishedAt: now,
      resumedAt: null,
      activeMs: run.activeMs + (run.resumedAt ? now.getTime() - run.resumedAt.getTime() : 0),
    },
  });
}

async function drive(runId: string): Promise<void> {
  try {
    while (await holdLease(runId)) {
      const run = await db.suiteRun.findUniqueOrThrow({ where: { id: runId } });
      const item = await db.suiteRunItem.findFirst({
        where: { runId, status: { not: 'done' } },
        orderBy: [{ repeat: 'asc' }, { promptIndex: 'asc' }],
      });
      if (!item) return await finishRun(runId);
      if ((await runItem(run, item)) === 'lost') return;
    }
  } finally {
    await releaseLease({ name: leaseOf(runId), holder: instanceId });
  }
}

/** Drives a run in the background in this process, unless it already does; true if it starts. */
export function driveRun(runId: string): boolean {
  if (driving.has(runId)) return false;
  driving.add(runId);
  drive(runId)
    .catch((error: unknown) => console.error(`suite run ${runId} failed`, error))
    .finally(() => driving.delete(runId));
  return true;
}

/**
 * At a clean shutdown, before the running answers are interrupted: no driver asks them again
 * here, and the runs are free for the next start (or another instance) at once.
 */
export async function releaseSuiteRuns(): Promise<void> {
  state.stopping = true;
  await db.lease.deleteMany({ where: { name: { startsWith: LEASE_PREFIX }, holder: instanceId } });
}

/**
 * Picks up every running run whose driver is gone (a restart, a dead instance): at start, and
 * then periodically, so another instance takes a run over once its lease has passed. Returns
 * how many it took up.
 */
export async function resumeSuiteRuns({ sole = false } = {}): Promise<number> {
  // The only process on its database (SQLite): a lease left by a killed one is stale already.
  if (sole) {
    await db.lease.deleteMany({
      where: { name: { startsWith: LEASE_PREFIX }, holder: { not: instanceId } },
    });
  }
  const runs = await db.suiteRun.findMany({ where: { status: 'running' }, select: { id: true } });
  let taken = 0;
  for (const run of runs) {
    if (driving.has(run.id)) continue;
    const holder = await leaseHolder({ name: leaseOf(run.id) });
    if (holder === null && driveRun(run.id)) taken += 1;
  }
  return taken;
}
