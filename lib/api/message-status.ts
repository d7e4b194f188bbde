/**
 * A message's status and the moves between them: the one definition the server's writes, the
 * event streams and the browser share.
 *
 *   pending ──▶ streaming ──▶ done | stopped | error | interrupted
 *      └────────────────────▶ stopped | error | interrupted   (never started)
 *
 * Nothing leaves a final status, except by a retry, which starts a new attempt.
 */
export const RUNNING_STATUSES = ['pending', 'streaming'] as const;
export const FINAL_STATUSES = ['done', 'stopped', 'error', 'interrupted'] as const;

export type RunningStatus = (typeof RUNNING_STATUSES)[number];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
export type MessageStatus = RunningStatus | FinalStatus;

export function isRunning(status: string): status is RunningStatus {
  return (RUNNING_STATUSES as readonly string[]).includes(status);
}

export function isFinal(status: string): status is FinalStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Whether one attempt may move from `from` to `to`. */
export function canMove(from: MessageStatus, to: MessageStatus): boolean {
  if (from === 'pending') return to !== 'pending' && to !== 'done';
  if (from === 'streaming') return isFinal(to);
  return false;
}
