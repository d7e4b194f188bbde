import { downloadResponse } from '@/lib/export/download';
import { exportPreferencePairs } from '@/lib/export/export-votes';
import { toJsonLines } from '@/lib/export/preference-pairs';
import { currentReader } from '@/lib/http/request-context';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The caller's votes and verdicts as preference pairs, one JSON object per line. */
export function GET() {
  return handle(async () => {
    const pairs = await exportPreferencePairs(currentReader());
    return downloadResponse({
      body: toJsonLines(pairs),
      type: 'application/x-ndjson; charset=utf-8',
      fileName: `versus-votes-${new Date().toISOString().slice(0, 10)}.jsonl`,
    });
  });
}
