import type { BackendView, SlotView } from '@/lib/api/views';

/** A column's backend as the live listing has it: up, down (why), or gone from it (off). */
export type BackendStatus =
  | { state: 'up' }
  | { state: 'down'; message: string }
  | { state: 'off'; message: string };

/**
 * The status of a slot's backend, from a listing kept fresh by the background check; undefined
 * while no listing has come (or never, in a blind battle).
 */
export function backendStatusOf(
  slot: SlotView,
  backends: readonly BackendView[] | null,
): BackendStatus | undefined {
  if (!backends || !slot.backendId) return undefined;
  const backend = backends.find((candidate) => candidate.id === slot.backendId);
  if (!backend) {
    return {
      state: 'off',
      message: `${slot.backendLabel} is disabled, removed or not configured here: new prompts to it fail.`,
    };
  }
  if (backend.status === 'ok') return { state: 'up' };
  return { state: 'down', message: backend.error?.message ?? `${backend.label} is unreachable.` };
}
