import { afterAll, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { claimLease, leaseHolder, releaseLease, renewLease } from './leases';

// Two database clients, each with its own connections: two instances, as far as leases can tell.
const otherInstance = createDb();
const run = Date.now().toString(36);

afterAll(async () => {
  await otherInstance.$disconnect();
});

it('gives a free lease to one holder until it expires, then to another', async () => {
  const name = `test:${run}:expiry`;
  expect(await leaseHolder({ name })).toBeNull();
  expect(await claimLease({ name, holder: 'a', ttlMs: 1_000 })).toBe(true);
  expect(await claimLease({ name, holder: 'b', ttlMs: 1_000, db: otherInstance })).toBe(false);
  expect(await leaseHolder({ name, db: otherInstance })).toBe('a');
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  expect(await leaseHolder({ name })).toBeNull();
  expect(await claimLease({ name, holder: 'b', ttlMs: 60_000, db: otherInstance })).toBe(true);
  expect(await leaseHolder({ name })).toBe('b');
  // The first holder's renewal comes too late: the lease is lost.
  expect(await renewLease({ name, holder: 'a', ttlMs: 60_000 })).toBe(false);
});

it('lets its holder renew it past the first expiry', async () => {
  const name = `test:${run}:renew`;
  const claimedAt = performance.now();
  expect(await claimLease({ name, holder: 'a', ttlMs: 1_000 })).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await renewLease({ name, holder: 'a', ttlMs: 5_000 })).toBe(true);
  await new Promise((resolve) =>
    setTimeout(resolve, 1_000 - (performance.now() - claimedAt) + 200),
  );
  // Past the first expiry, the renewal holds it still.
  expect(await claimLease({ name, holder: 'b', ttlMs: 1_000, db: otherInstance })).toBe(false);
  expect(await leaseHolder({ name })).toBe('a');
});

it('frees a released lease at once, and only its holder can release it', async () => {
  const name = `test:${run}:release`;
  expect(await claimLease({ name, holder: 'a', ttlMs: 60_000 })).toBe(true);
  expect(await releaseLease({ name, holder: 'b', db: otherInstance })).toBe(false);
  expect(await leaseHolder({ name })).toBe('a');
  expect(await releaseLease({ name, holder: 'a' })).toBe(true);
  expect(await claimLease({ name, holder: 'b', ttlMs: 60_000, db: otherInstance })).toBe(true);
});

it('gives a lease claimed by many at once to exactly one', async () => {
  const name = `test:${run}:race`;
  const holders = Array.from({ length: 10 }, (_, index) => `holder-${index}`);
  const won = await Promise.all(
    holders.map((holder, index) =>
      claimLease({ name, holder, ttlMs: 60_000, ...(index % 2 ? { db: otherInstance } : {}) }),
    ),
  );
  expect(won.filter(Boolean)).toHaveLength(1);
  expect(await leaseHolder({ name })).toBe(holders[won.indexOf(true)]);
});
