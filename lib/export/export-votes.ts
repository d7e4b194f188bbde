import 'server-only';
import { readForExport, toConversationExport } from './export-conversation';
import { type PreferencePair, preferencePairs } from './preference-pairs';

/**
 * Every vote and verdict the reader may see, as preference pairs: the votes of the owner's
 * battles and the reader's own verdicts on the owner's comparisons (what the conversation pages
 * show them), oldest conversation first.
 */
export async function exportPreferencePairs({
  ownerId,
  voterId,
}: {
  ownerId: string;
  voterId: string;
}): Promise<PreferencePair[]> {
  const rows = await readForExport({ ownerId, voterId });
  const now = new Date();
  return rows.flatMap((row) => preferencePairs(toConversationExport(row, now)));
}
