import { z } from 'zod';
import type { MessageMetrics } from './views';

const nullableNumber = z.number().nullable();

/** A message's metrics where they enter as data: a share's snapshot, another instance's delta. */
export const messageMetricsSchema = z.object({
  ttftMs: nullableNumber,
  answerTtftMs: nullableNumber,
  reasoningMs: nullableNumber,
  totalMs: nullableNumber,
  loadMs: nullableNumber,
  promptTokens: nullableNumber,
  completionTokens: nullableNumber,
  tokensPerSecond: nullableNumber,
  countsReported: z.boolean(),
}) satisfies z.ZodType<MessageMetrics>;
