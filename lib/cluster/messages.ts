import { z } from 'zod';
import { FINAL_STATUSES, RUNNING_STATUSES } from '@/lib/api/message-status';
import { messageMetricsSchema } from '@/lib/api/metrics-schema';

const id = z.string().min(1).max(64);

/** A piece of a message's text: `text` starts at character `at` of the whole. */
const textPiece = z.object({ at: z.number().int().nonnegative(), text: z.string() });

/**
 * What a running message's instance tells the others that follow it: where its text is now, by
 * pieces from a position (so a follower takes only what it lacks, whichever piece it saw first),
 * under its attempt and epoch (how often its answer was moved into its reasoning).
 */
export const deltaSchema = z.object({
  messageId: id,
  attempt: z.number().int().positive(),
  epoch: z.number().int().nonnegative(),
  status: z.enum([...RUNNING_STATUSES, ...FINAL_STATUSES]),
  reasoning: textPiece.optional(),
  content: textPiece.optional(),
  tentative: z.boolean().optional(),
  metrics: messageMetricsSchema.optional(),
});
export type Delta = z.infer<typeof deltaSchema>;

/**
 * What instances say to each other (lib/cluster/channel.ts). Stop and stop-conversation go to
 * whichever instance runs the message; `watch` asks it for deltas of a message someone follows
 * through another instance.
 */
export const clusterMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop'), messageId: id }),
  z.object({ type: z.literal('stop-conversation'), conversationId: id }),
  z.object({
    type: z.literal('watch'),
    messageId: id,
    // Where the follower is; without it (a new follower) the runner sends the text from the start.
    have: z
      .object({
        epoch: z.number().int().nonnegative(),
        reasoning: z.number().int().nonnegative(),
        content: z.number().int().nonnegative(),
      })
      .optional(),
  }),
  z.object({ type: z.literal('deltas'), deltas: z.array(deltaSchema).min(1) }),
]);
export type ClusterMessage = z.infer<typeof clusterMessageSchema>;

/** The envelope on the wire: who sent it, and what. */
export const envelopeSchema = z.object({ from: id, message: clusterMessageSchema });
