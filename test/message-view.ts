import type { MessageView } from '@/lib/api/views';
import { emptyMetrics } from '@/lib/generation/metrics';

/** A message as the API sends it, empty unless `overrides` says otherwise. */
export function messageView(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: 'm1',
    turnId: 't1',
    slotId: 's1',
    attempt: 1,
    status: 'pending',
    content: '',
    reasoning: '',
    error: null,
    finishReason: null,
    params: {},
    modelInfo: {},
    metrics: emptyMetrics,
    shown: true,
    ...overrides,
  };
}
