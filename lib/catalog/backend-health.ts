import 'server-only';
import type { BackendHealthView } from '@/lib/api/views';
import { listBackends } from './list-backends';

/** How often each process asks every backend again. */
const CHECK_EVERY_MS = 20_000;

type Monitor = {
  latest?: Promise<BackendHealthView[]>;
  /** A check started after a change on the Backends page: answers wait for it. */
  pending?: Promise<BackendHealthView[]>;
  timer?: NodeJS.Timeout;
};

// One monitor per process, on globalThis as the model cache is (each route bundle evaluates
// this module). Nothing depends on it for correctness: a prompt to a backend that is down fails
// in its slot as it would without it; the monitor only shows that before anyone sends one.
const store = globalThis as typeof globalThis & { __versusHealth?: Monitor };
store.__versusHealth ??= {};
const monitor = store.__versusHealth;

async function check(): Promise<BackendHealthView[]> {
  const checkedAt = new Date().toISOString();
  const backends = await listBackends({ fresh: true });
  return backends.map((backend) => ({
    id: backend.id,
    label: backend.label,
    status: backend.status,
    error: backend.error,
    checkedAt,
  }));
}

function checkNow(): Promise<BackendHealthView[]> {
  const next = check();
  // The last good answer stands until the next one lands.
  next.then(
    () => {
      monitor.latest = next;
    },
    () => {},
  );
  monitor.latest ??= next;
  return next;
}

/** Every enabled backend's status as last checked; the first call starts the checks. */
export function backendHealth(): Promise<BackendHealthView[]> {
  if (!monitor.timer) {
    monitor.timer = setInterval(() => void checkNow().catch(() => undefined), CHECK_EVERY_MS);
    monitor.timer.unref();
    return checkNow();
  }
  return monitor.pending ?? monitor.latest ?? checkNow();
}

/**
 * A backend was added, changed or removed here: check again now, and let answers wait for that
 * check rather than tell the old state. Other processes see the change at their next check.
 */
export function checkAfterChange(): void {
  if (!monitor.timer) return;
  const pending = checkNow();
  monitor.pending = pending;
  const settle = () => {
    if (monitor.pending === pending) monitor.pending = undefined;
  };
  pending.then(settle, settle);
}
