import { slotParamsSchema } from '@/lib/api/inputs';
import { parseJsonColumn } from '@/lib/conversations/parse-json';
import { modelInfoSchema } from '@/lib/conversations/to-view';

/** A slot with its backend, as the vote's snapshot reads it. */
export interface VotedSlot {
  backendId: string;
  model: string;
  params: string;
  backend: { kind: string; label: string };
}

/** The Prisma select that gives a VotedSlot. */
export const votedSlotColumns = {
  id: true,
  backendId: true,
  model: true,
  params: true,
  backend: { select: { kind: true, label: true } },
} as const;

/**
 * A model as a vote or verdict keeps it: what the backend reported when it answered (the last
 * answer's `modelInfo`), so a later upgrade of the same tag is told apart by its digest.
 */
export function votedModel(slot: VotedSlot, modelInfo: string | undefined) {
  const info = parseJsonColumn(modelInfoSchema, modelInfo ?? '{}');
  return {
    backendId: slot.backendId,
    backendKind: slot.backend.kind,
    backendLabel: slot.backend.label,
    model: slot.model,
    digest: info.digest ?? null,
    quantization: info.quantization ?? null,
    parameterSize: info.parameterSize ?? null,
    params: parseJsonColumn(slotParamsSchema, slot.params),
  };
}
export type VotedModel = ReturnType<typeof votedModel>;
