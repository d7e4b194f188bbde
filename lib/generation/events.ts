import type { MessageMetrics, MessageStatus } from '@/lib/api/views';
import type { ErrorCode } from '@/lib/errors';

/**
 * Server → browser events of one assistant message, sent as SSE `data:` JSON with an
 * `id:` of `<attempt>.<seq>`. A new connection without a usable Last-Event-ID starts with
 * a snapshot of everything so far.
 *
 * `tentative: true` (left out when false, to keep frames small) marks content the stream has
 * not yet told from reasoning: an R1 distill without a reasoning parser sends its reasoning as
 * content until a bare `</think>`, which `reclassify` then moves. It holds for all the content
 * so far, until content without it, a `reclassify`, or a final status.
 */
export type MessageEvent =
  | {
      type: 'snapshot';
      attempt: number;
      status: MessageStatus;
      content: string;
      reasoning: string;
      tentative?: true;
      metrics: MessageMetrics;
      error: { code: ErrorCode; message: string } | null;
    }
  | { type: 'status'; status: MessageStatus }
  | { type: 'reasoning'; text: string }
  | { type: 'content'; text: string; tentative?: true }
  | { type: 'reclassify' }
  | { type: 'metrics'; metrics: MessageMetrics }
  | { type: 'done'; status: MessageStatus; metrics: MessageMetrics }
  | { type: 'error'; code: ErrorCode; message: string };
