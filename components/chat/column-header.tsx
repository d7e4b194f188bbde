'use client';

import type { SlotView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import { modelHint } from './format';
import { SlotParamsButton } from './slot-params';

export const slotColors = [
  'bg-sky-500',
  'bg-violet-500',
  'bg-amber-500',
  'bg-emerald-500',
  'bg-rose-500',
  'bg-teal-500',
] as const;

/** Model, backend, what the backend reports about the model, and the slot's parameters. */
export function ColumnHeader({
  conversationId,
  slot,
  modelInfo,
  onSlotsSaved,
}: {
  conversationId: string;
  slot: SlotView;
  modelInfo: Partial<ModelInfo> | undefined;
  onSlotsSaved: (slots: SlotView[]) => void;
}) {
  const hint = modelHint(modelInfo);
  // Hugging Face style ids (`org/name`): the name leads, the organisation goes below it.
  const slash = slot.model.lastIndexOf('/');
  const name = slot.model.slice(slash + 1);
  const org = slash > 0 ? slot.model.slice(0, slash) : null;
  const facts = [org, slot.backendLabel, hint].filter((fact): fact is string => Boolean(fact));
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
      <span
        aria-hidden="true"
        className={`size-2 shrink-0 rounded-sm ${slotColors[slot.position % slotColors.length]}`}
      />
      <div className="min-w-0 flex-1">
        <h2
          title={slot.model}
          className="truncate font-mono text-[13px] font-semibold text-zinc-900 dark:text-zinc-50"
        >
          {name}
        </h2>
        <p
          className="truncate text-[11px] text-zinc-500 dark:text-zinc-400"
          title={modelInfo?.digest ? `digest ${modelInfo.digest}` : undefined}
        >
          {facts.map((fact, index) => (
            <span key={fact} className={fact === hint || fact === org ? 'font-mono' : ''}>
              {index > 0 && <span aria-hidden="true"> · </span>}
              {fact}
            </span>
          ))}
        </p>
      </div>
      <SlotParamsButton
        conversationId={conversationId}
        slot={slot}
        showThink={slot.backendKind === 'ollama' || modelInfo?.supportsThinking === true}
        onSaved={onSlotsSaved}
        align={slot.position === 0 ? 'start' : 'end'}
      />
    </header>
  );
}
