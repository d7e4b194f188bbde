import 'server-only';
import { type FinalRow, writeFinals } from '@/lib/db/message-writes';

/**
 * How long a final write waits for others to share its statement. The messages of a turn often
 * end within milliseconds of each other, and one commit of several costs about as much as one:
 * a 5-slot turn with one-token answers cost the app 23-26 ms of CPU with a statement per
 * message, 20 ms with this (two runs each). The browser has its `done` event before the wait.
 */
const BATCH_MS = 20;

interface Waiting {
  row: FinalRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

let waiting: Waiting[] = [];
let scheduled = false;

async function flush(): Promise<void> {
  const batch = waiting;
  waiting = [];
  scheduled = false;
  try {
    await writeFinals(
      batch.map((entry) => entry.row),
      new Date(),
    );
    for (const entry of batch) entry.resolve();
  } catch (error) {
    for (const entry of batch) entry.reject(error);
  }
}

/** Saves a message's final state, in one statement with those that end within BATCH_MS. */
export function saveFinal(row: FinalRow): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push({ row, resolve, reject });
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, BATCH_MS);
  });
}
