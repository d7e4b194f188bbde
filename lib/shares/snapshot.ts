import { z } from 'zod';
import { messageMetricsSchema } from '@/lib/api/metrics-schema';
import type { ConversationRow, MessageRow, VoteRow } from '@/lib/conversations/to-view';

// What a share keeps: the conversation's finished turns as the one projection reads them
// (lib/conversations/to-view.ts), with every id replaced by its position, so that no
// conversation, message or backend id is ever on a share page. Stored as JSON in Share.snapshot.

const date = z.coerce.date();

const snapshotMessageSchema = z.object({
  position: z.number().int(),
  attempt: z.number().int(),
  status: z.string(),
  content: z.string(),
  reasoning: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  finishReason: z.string().nullable(),
  params: z.string(),
  modelInfo: z.string(),
  ...messageMetricsSchema.shape,
});

export const shareSnapshotSchema = z.object({
  version: z.literal(1),
  title: z.string(),
  mode: z.enum(['compare', 'battle']),
  runMode: z.string(),
  createdAt: date,
  updatedAt: date,
  /** A battle whose vote was cast when the snapshot was taken. */
  revealed: z.boolean(),
  slots: z.array(
    z.object({
      position: z.number().int(),
      model: z.string(),
      params: z.string(),
      backend: z.object({ kind: z.string(), label: z.string() }),
    }),
  ),
  turns: z.array(
    z.object({
      index: z.number().int(),
      prompt: z.string(),
      createdAt: date,
      messages: z.array(snapshotMessageSchema),
    }),
  ),
  /** The battle's vote (scope 'battle') and the owner's verdicts (scope: the turn's index). */
  votes: z.array(
    z.object({
      scope: z.string(),
      outcome: z.string(),
      leaked: z.boolean(),
      leakReason: z.string().nullable(),
    }),
  ),
});

export type ShareSnapshot = z.infer<typeof shareSnapshotSchema>;
export type SnapshotMessage = z.infer<typeof snapshotMessageSchema>;

/** The ids a share page uses instead of the real ones. */
export const sharedIds = {
  slot: (position: number) => `s${position}`,
  turn: (index: number) => `t${index}`,
  message: (index: number, position: number) => `m${index}-${position}`,
};

/** Who reads a snapshot: its verdicts are the owner's, and nobody may vote on it here. */
const OWNER = 'owner';

/**
 * The snapshot as a conversation row for the one projection. `revealed`: a blind challenge
 * shows the names only to a recipient who voted.
 */
export function snapshotRow(
  snapshot: ShareSnapshot,
  revealed: boolean,
): { row: ConversationRow; readerId: string } {
  const votes: VoteRow[] = snapshot.votes.map((vote) => ({
    ...vote,
    scope: vote.scope === 'battle' ? 'battle' : sharedIds.turn(Number(vote.scope)),
    voterId: OWNER,
  }));
  const row: ConversationRow = {
    id: '',
    title: snapshot.title,
    mode: snapshot.mode,
    runMode: snapshot.runMode,
    createdAt: snapshot.createdAt,
    updatedAt: snapshot.updatedAt,
    revealedAt: revealed ? snapshot.updatedAt : null,
    voterId: null,
    slots: snapshot.slots.map((slot) => ({
      ...slot,
      id: sharedIds.slot(slot.position),
      backendId: '',
    })),
    turns: snapshot.turns.map((turn) => ({
      id: sharedIds.turn(turn.index),
      index: turn.index,
      prompt: turn.prompt,
      createdAt: turn.createdAt,
      messages: turn.messages.map(
        ({ position, ...message }): MessageRow => ({
          ...message,
          id: sharedIds.message(turn.index, position),
          turnId: sharedIds.turn(turn.index),
          slotId: sharedIds.slot(position),
          shown: true,
        }),
      ),
    })),
    votes,
  };
  return { row, readerId: OWNER };
}
