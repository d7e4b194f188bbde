import 'server-only';
import { db } from './client';
import { isSqlite } from './database-url';

// Nothing is inserted into a battle whose vote has revealed its models: it is over.
const SQLITE = `INSERT INTO "Turn" ("id", "conversationId", "index", "prompt", "createdAt")
  SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS
    (SELECT 1 FROM "Conversation" WHERE "id" = ? AND "revealedAt" IS NOT NULL)`;
const POSTGRESQL = `INSERT INTO "Turn" ("id", "conversationId", "index", "prompt", "createdAt")
  SELECT $1, $2, $3, $4, $5::timestamp(3) WHERE NOT EXISTS
    (SELECT 1 FROM "Conversation" WHERE "id" = $2 AND "revealedAt" IS NOT NULL)`;

/**
 * Inserts a turn's row and nothing else. It is on the way from the prompt to the backends:
 * through Prisma (createMany) it took 0.97 ms at p50 and 9.5 ms at p95 here, raw 0.14 / 0.27 ms.
 * False when nothing was inserted: the conversation is a battle that has had its vote.
 */
export async function insertTurn(turn: {
  id: string;
  conversationId: string;
  index: number;
  prompt: string;
  createdAt: Date;
}): Promise<boolean> {
  const iso = turn.createdAt.toISOString();
  // Prisma keeps SQLite DateTimes as ISO text with an explicit offset, PostgreSQL's in UTC.
  const inserted = await (isSqlite()
    ? db.$executeRawUnsafe(
        SQLITE,
        turn.id,
        turn.conversationId,
        turn.index,
        turn.prompt,
        iso.replace('Z', '+00:00'),
        turn.conversationId,
      )
    : db.$executeRawUnsafe(
        POSTGRESQL,
        turn.id,
        turn.conversationId,
        turn.index,
        turn.prompt,
        iso.replace('Z', ''),
      ));
  return inserted === 1;
}
