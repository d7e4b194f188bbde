import 'server-only';
import { accountKey, type RateDecision, rateLimiter } from './rate-limit';

// Sign-in attempts per account (by the address typed), besides better-auth's per-address limit:
// guessing one account's password from many addresses stops here. Counted for any address
// typed, known or not, so the limit tells nobody which accounts exist. In the database
// (lib/auth/rate-limit.ts): one count for all instances.

const WINDOW_S = 15 * 60;
/** Attempts without a sign-in that got past the password, per account and window. */
export const MAX_FAILED_SIGN_INS = 10;

/** Counts an attempt before the password is checked: one upsert, refused past the limit. */
export function countSignInAttempt(email: string): Promise<RateDecision> {
  return rateLimiter.consume(accountKey(email), { window: WINDOW_S, max: MAX_FAILED_SIGN_INS });
}

/** The right password was given: the account's count starts over. */
export function clearSignInAttempts(email: string): Promise<void> {
  return rateLimiter.clear(accountKey(email));
}
