import 'server-only';

// Failed sign-ins per account (by the address typed), besides better-auth's per-address limit:
// guessing one account's password from many addresses stops here. Counted for any address
// typed, known or not, so the limit tells nobody which accounts exist. In memory: one process
// (with several instances each counts its own).

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 10;
const failures = new Map<string, number[]>();

const keyOf = (email: string) => email.trim().toLowerCase();

function recent(email: string, now: number): number[] {
  const kept = (failures.get(keyOf(email)) ?? []).filter((at) => now - at < WINDOW_MS);
  if (kept.length === 0) failures.delete(keyOf(email));
  else failures.set(keyOf(email), kept);
  return kept;
}

export function isAccountLocked(email: string, now = Date.now()): boolean {
  return recent(email, now).length >= MAX_FAILED_SIGN_INS;
}

export function recordFailedSignIn(email: string, now = Date.now()): void {
  failures.set(keyOf(email), [...recent(email, now), now]);
}

export function clearFailedSignIns(email: string): void {
  failures.delete(keyOf(email));
}
