import 'server-only';
import { randomInt } from 'node:crypto';
import { BLIND_TITLE } from '@/lib/battles/blind';
import { db } from '@/lib/db/client';
import { newId } from '@/lib/ids';
import { itemTitle, parseRun, runParams } from './run-rows';

export interface RunRow {
  id: string;
  ownerId: string;
  voterId: string;
  snapshot: string;
  lineup: string;
  repeats: number;
  mode: string;
  runMode: string;
}

/**
 * The conversation that answers an item: a comparison of the whole lineup, or (blind run) a
 * battle of its two models placed at random, with only the suite's settings as parameters so
 * the sides look alike. Returns the item's conversation, created now or by an earlier attempt.
 */
export async function openItemConversation({
  run,
  item,
}: {
  run: RunRow;
  item: { id: string; promptIndex: number; repeat: number; conversationId: string | null };
}): Promise<string> {
  if (item.conversationId) return item.conversationId;
  const { snapshot, lineup } = parseRun(run);
  const prompt = snapshot.prompts[item.promptIndex];
  if (!prompt) throw new Error(`suite run ${run.id} has no prompt ${item.promptIndex}`);
  const blind = run.mode === 'blind';
  const slots = blind && randomInt(2) === 1 ? lineup.toReversed() : lineup;
  const sameBackend = new Set(slots.map((slot) => slot.backendId)).size < slots.length;
  const id = newId();
  await db.$transaction([
    db.conversation.create({
      data: {
        id,
        ownerId: run.ownerId,
        voterId: blind ? run.voterId : null,
        mode: blind ? 'battle' : 'compare',
        // A battle's two models on one backend take turns, as any battle's do.
        runMode: blind && sameBackend ? 'sequential' : run.runMode,
        title: blind ? BLIND_TITLE : itemTitle(snapshot.name, prompt, item.repeat, run.repeats),
        slots: {
          create: slots.map((slot, position) => ({
            id: newId(),
            position,
            backendId: slot.backendId,
            model: slot.model,
            params: JSON.stringify(runParams(blind ? {} : slot.params, snapshot.settings)),
          })),
        },
      },
    }),
    db.suiteRunItem.update({
      where: { id: item.id },
      data: { conversationId: id, status: 'running' },
    }),
  ]);
  return id;
}
