import type { SlotParams } from '@/lib/api/inputs';
import type { BackendView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';

export const MIN_SLOTS = 2;
export const MAX_SLOTS = 6;

export interface DraftSlot {
  key: string;
  backendId: string;
  model: string;
  params: SlotParams;
}

let keys = 0;
export const newSlotKey = () => {
  keys += 1;
  return `slot-${keys}`;
};

/** A starting lineup: the first distinct models the reachable backends offer. */
export function defaultLineup(backends: readonly BackendView[], count = MIN_SLOTS): DraftSlot[] {
  const pairs = backends
    .filter((backend) => backend.status === 'ok')
    .flatMap((backend) =>
      backend.models.map((model) => ({ backendId: backend.id, model: model.id })),
    );
  const fallbackBackend = backends.find((backend) => backend.status === 'ok')?.id ?? '';
  return Array.from({ length: count }, (_, index) => {
    const pair = pairs[index] ?? pairs[pairs.length - 1];
    return {
      key: `initial-${index}`,
      backendId: pair?.backendId ?? fallbackBackend,
      model: pair?.model ?? '',
      params: {},
    };
  });
}

/** A lineup that starts from an earlier one (its models and parameters), within the limits. */
export function lineupFromSeed(
  slots: readonly Pick<DraftSlot, 'backendId' | 'model' | 'params'>[],
): DraftSlot[] | null {
  if (slots.length < MIN_SLOTS) return null;
  return slots.slice(0, MAX_SLOTS).map((slot) => ({ ...slot, key: newSlotKey() }));
}

/** The next slot to add: a model not in the lineup yet, where there is one. */
export function nextSlot(
  backends: readonly BackendView[],
  lineup: readonly DraftSlot[],
): DraftSlot {
  const used = new Set(lineup.map((slot) => `${slot.backendId}\n${slot.model}`));
  for (const backend of backends) {
    if (backend.status !== 'ok') continue;
    const model = backend.models.find((candidate) => !used.has(`${backend.id}\n${candidate.id}`));
    if (model) return { key: newSlotKey(), backendId: backend.id, model: model.id, params: {} };
  }
  const last = lineup[lineup.length - 1];
  return {
    key: newSlotKey(),
    backendId: last?.backendId ?? '',
    model: last?.model ?? '',
    params: {},
  };
}

export function findModel(
  backends: readonly BackendView[],
  slot: Pick<DraftSlot, 'backendId' | 'model'>,
): { backend: BackendView | undefined; model: ModelInfo | undefined } {
  const backend = backends.find((candidate) => candidate.id === slot.backendId);
  return { backend, model: backend?.models.find((candidate) => candidate.id === slot.model) };
}

/**
 * The slot with another model: its parameters carry over, but `think` only to an Ollama model
 * that reports thinking (any other would answer 400 or ignore it).
 */
export function withModel(
  backends: readonly BackendView[],
  slot: DraftSlot,
  backendId: string,
  model: string,
): DraftSlot {
  const next = { ...slot, backendId, model };
  const found = findModel(backends, next);
  if (found.backend?.kind === 'ollama' && found.model?.supportsThinking) return next;
  const { think: _dropped, ...params } = slot.params;
  return { ...next, params };
}

/** Why this lineup cannot be sent yet, or null when it can. */
export function lineupProblem(
  backends: readonly BackendView[],
  lineup: readonly DraftSlot[],
): string | null {
  for (const [index, slot] of lineup.entries()) {
    const { backend, model } = findModel(backends, slot);
    if (!backend) return `Model ${index + 1}: pick a backend.`;
    if (backend.status !== 'ok')
      return `Model ${index + 1}: ${backend.label} is unreachable; pick another backend.`;
    if (!model) return `Model ${index + 1}: pick a model.`;
  }
  return null;
}

/** Slot positions (1-based) that share a backend with another slot. */
export function sharedBackendGroups(lineup: readonly Pick<DraftSlot, 'backendId'>[]): number[][] {
  const groups = new Map<string, number[]>();
  lineup.forEach((slot, index) => {
    if (!slot.backendId) return;
    groups.set(slot.backendId, [...(groups.get(slot.backendId) ?? []), index + 1]);
  });
  return [...groups.values()].filter((positions) => positions.length > 1);
}

/** A sidebar title from the first prompt: its first line, shortened. */
export function titleFromPrompt(prompt: string): string {
  const line = prompt.trim().split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  return line.length > 80 ? `${line.slice(0, 79).trimEnd()}…` : line;
}
