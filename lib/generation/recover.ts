import 'server-only';
import { db } from '@/lib/db/client';

/**
 * Marks messages whose generating process is gone as interrupted, keeping their saved text.
 * With one process (SQLite) that is every unfinished message at start-up; with several
 * instances, only those whose heartbeat has gone quiet.
 */
export async function interruptOrphans({
  staleAfterMs,
}: {
  staleAfterMs: number | null;
}): Promise<number> {
  const { count } = await db.message.updateMany({
    where: {
      status: { in: ['pending', 'streaming'] },
      ...(staleAfterMs === null
        ? {}
        : {
            OR: [
              { heartbeatAt: null },
              { heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } },
            ],
          }),
    },
    data: {
      status: 'interrupted',
      errorCode: 'interrupted',
      errorMessage:
        'The server stopped while this answer was being generated; the text saved so far is kept. Retry to generate it again.',
      finishedAt: new Date(),
    },
  });
  return count;
}
