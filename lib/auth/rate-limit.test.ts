import { afterAll, expect, it } from 'vitest';
import { createDb, db } from '@/lib/db/client';
import { createRateLimiter } from './rate-limit';

// Two limiters on two database clients, each with its own connections: two instances of the
// app, as far as the limiter can tell. A count kept in either's memory would not add up.
const otherInstance = createDb();
const first = createRateLimiter(db);
const second = createRateLimiter(otherInstance);
const run = Date.now().toString(36);
const rule = { window: 60, max: 3 };

afterAll(async () => {
  await otherInstance.$disconnect();
});

it('shares one count between two instances', async () => {
  const key = `test:${run}:shared`;
  const now = Date.now();
  const allowed = async (limiter: typeof first) => (await limiter.consume(key, rule, now)).allowed;
  expect([await allowed(first), await allowed(second), await allowed(first)]).toEqual([
    true,
    true,
    true,
  ]);
  // The fourth request is the second instance's; the first instance refuses the fifth.
  const refused = await second.consume(key, rule, now);
  expect(refused).toEqual({ allowed: false, retryAfter: 60 });
  expect(await allowed(first)).toBe(false);
  // Refusals do not extend the window: once it has passed, the count starts over.
  expect(await second.consume(key, rule, now + 60_000)).toEqual({
    allowed: true,
    retryAfter: null,
  });
});

it('lets exactly `max` of many simultaneous requests through, across instances', async () => {
  const key = `test:${run}:burst`;
  const decisions = await Promise.all(
    Array.from({ length: 20 }, (_, index) => (index % 2 ? first : second).consume(key, rule)),
  );
  expect(decisions.filter((decision) => decision.allowed)).toHaveLength(rule.max);
});

it('forgets a cleared key, and sweeps only counters whose window has passed', async () => {
  const now = Date.now();
  const cleared = `test:${run}:cleared`;
  for (let attempt = 0; attempt < 4; attempt += 1) await first.consume(cleared, rule, now);
  await second.clear(cleared);
  expect((await first.consume(cleared, rule, now)).allowed).toBe(true);

  const old = `test:${run}:old`;
  const live = `test:${run}:live`;
  await first.consume(old, rule, now - 120_000);
  await first.consume(live, rule, now);
  await second.sweep(now);
  const left = await db.rateLimit.findMany({
    where: { key: { in: [old, live] } },
    select: { key: true, count: true },
  });
  expect(left).toEqual([{ key: live, count: 1 }]);
});
