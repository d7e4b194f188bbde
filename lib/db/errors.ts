import { z } from 'zod';

// What a raw statement's failure carries (P2010), from either database's driver adapter.
const rawUniqueViolation = z.object({
  code: z.literal('P2010'),
  meta: z.object({
    driverAdapterError: z.object({
      cause: z.object({ kind: z.literal('UniqueConstraintViolation') }),
    }),
  }),
});

/** A unique constraint failed, on either database, through Prisma's API (P2002) or raw SQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002') {
    return true;
  }
  return rawUniqueViolation.safeParse(error).success;
}
