import type { MessageMetrics, MessageStatus } from '@/lib/api/views';
import type { ErrorCode } from '@/lib/errors';

/**
 * Server → browser events of one assistant message, sent as SSE `data:` JSON with an
 * `id:` of `<attempt>.<seq>`. A new connection without a usable Last-Event-ID starts with
 * a snapshot of everything so far.
 */
export type MessageEvent =
  | {
      type: 'snapshot';
      attempt: number;
      status: MessageStatus;
      content: string;
      reasoning: string;
      metrics: MessageMetrics;
      error: { code: ErrorCode; message: string } | null;
    }
  | { type: 'status'; status: MessageStatus }
  | { type: 'reasoning'; text: string }
  | { type: 'content'; text: string }
  | { type: 'reclassify' }
  | { type: 'metrics'; metrics: MessageMetrics }
  | { type: 'done'; status: MessageStatus; metrics: MessageMetrics }
  | { type: 'error'; code: ErrorCode; message: string };
