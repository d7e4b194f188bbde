import type { BackendView, SlotView, TurnView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import { shownOf } from '@/lib/client/turn-attempts';

/**
 * What to show about a slot's model: what the backend reported when it last answered (that
 * produced the text on screen), else what it lists now (before the first answer starts).
 */
export function slotModelInfo(
  slot: SlotView,
  turns: readonly TurnView[],
  backends: readonly BackendView[],
): Partial<ModelInfo> | undefined {
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const turn = turns[index];
    const message = turn && shownOf(turn, slot.id);
    if (message && Object.keys(message.modelInfo).length > 0) return message.modelInfo;
  }
  return backends
    .find((backend) => backend.id === slot.backendId)
    ?.models.find((model) => model.id === slot.model);
}
