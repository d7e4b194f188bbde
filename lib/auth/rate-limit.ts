import 'server-only';
import { createHash } from 'node:crypto';
import { type Db, db } from '@/lib/db/client';

/** At most `max` requests per `window` seconds (better-auth's rule shape). */
export interface RateRule {
  window: number;
  max: number;
}

/** better-auth's answer shape: refused requests learn when to come back, in seconds. */
export interface RateDecision {
  allowed: boolean;
  retryAfter: number | null;
}

/** How often one process deletes the counters whose window has passed. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Rate limits kept in the database, so that they hold across instances (several processes on
 * one PostgreSQL count together) and restarts. One statement per request: an upsert that starts
 * the key's window, counts within it, or starts it over once it has passed, and returns the
 * count; the request is allowed while the count is within the rule. Atomic on both databases (a
 * row lock on PostgreSQL, the one writer on SQLite), so simultaneous requests cannot all pass a
 * stale count. Refused requests count too, without extending the window.
 *
 * It serves better-auth's limits per address (as its `customStorage`: its own database storage
 * reads, then updates, and prunes with an unindexed delete) and the per-account sign-in limit.
 */
export function createRateLimiter(client: Db) {
  let sweptAt = 0;

  /** Deletes counters whose window has passed; at most once a minute, in the background. */
  function sweepSoon(now: number) {
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    client.rateLimit
      .deleteMany({ where: { resetAt: { lt: BigInt(now) } } })
      .catch((error: unknown) => console.error('rate limit sweep failed', error));
  }

  return {
    async consume(key: string, rule: RateRule, now = Date.now()): Promise<RateDecision> {
      const resetAt = BigInt(now + rule.window * 1000);
      const at = BigInt(now);
      const [row] = await client.$queryRaw<{ count: number | bigint; resetAt: number | bigint }[]>`
        INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimit"."resetAt" <= ${at} THEN 1
                         ELSE "RateLimit"."count" + 1 END,
          "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${at} THEN ${resetAt}
                           ELSE "RateLimit"."resetAt" END
        RETURNING "count", "resetAt"`;
      sweepSoon(now);
      if (!row || Number(row.count) <= rule.max) return { allowed: true, retryAfter: null };
      return {
        allowed: false,
        retryAfter: Math.max(1, Math.ceil((Number(row.resetAt) - now) / 1000)),
      };
    },

    /** Forgets a key's count (a successful sign-in clears its account's). */
    async clear(key: string): Promise<void> {
      await client.rateLimit.deleteMany({ where: { key } });
    },

    /** Deletes every counter whose window has passed; returns how many. */
    async sweep(now = Date.now()): Promise<number> {
      const { count } = await client.rateLimit.deleteMany({
        where: { resetAt: { lt: BigInt(now) } },
      });
      return count;
    },
  };
}

/** The process's limiter, on the app's database. */
export const rateLimiter = createRateLimiter(db);

/**
 * The per-account key of a sign-in: the address typed, hashed (the table need not hold
 * addresses, nor whatever was typed as one), for any address, known or not.
 */
export function accountKey(email: string): string {
  const address = email.trim().toLowerCase();
  return `account:${createHash('sha256').update(address).digest('base64url')}`;
}
