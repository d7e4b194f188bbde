import 'server-only';
import { db } from './client';
import { isSqlite } from './database-url';

const SQLITE = `INSERT INTO "Turn" ("id", "conversationId", "index", "prompt", "createdAt")
  VALUES (?, ?, ?, ?, ?)`;
const POSTGRESQL = `INSERT INTO "Turn" ("id", "conversationId", "index", "prompt", "createdAt")
  VALUES ($1, $2, $3, $4, $5::timestamp(3))`;

/**
 * Inserts a turn's row and nothing else. It is on the way from the prompt to the backends:
 * through Prisma (createMany) it took 0.97 ms at p50 and 9.5 ms at p95 here, raw 0.14 / 0.27 ms.
 */
export async function insertTurn(turn: {
  id: string;
  conversationId: string;
  index: number;
  prompt: string;
  createdAt: Date;
}): Promise<void> {
  const iso = turn.createdAt.toISOString();
  // Prisma keeps SQLite DateTimes as ISO text with an explicit offset, PostgreSQL's in UTC.
  await (isSqlite()
    ? db.$executeRawUnsafe(
        SQLITE,
        turn.id,
        turn.conversationId,
        turn.index,
        turn.prompt,
        iso.replace('Z', '+00:00'),
      )
    : db.$executeRawUnsafe(
        POSTGRESQL,
        turn.id,
        turn.conversationId,
        turn.index,
        turn.prompt,
        iso.replace('Z', ''),
      ));
}
