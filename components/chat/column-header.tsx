'use client';

import { buttonClass } from '@/components/ui/button';
import { EyeOffIcon, NarrowIcon, WidenIcon } from '@/components/ui/icons';
import type { SlotView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import type { BackendStatus } from './backend-status';
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

// Widening and hiding are for a wide screen; a narrow one shows one column at a time.
const iconButton = buttonClass(
  'ghost',
  'icon',
  'size-6 text-zinc-500 max-md:hidden dark:text-zinc-400',
);

/**
 * A column's head, which stays in view while the turns scroll under it: model, backend, what
 * the backend reports about the model, the slot's parameters, and the column's width.
 */
export function ColumnHeader({
  conversationId,
  slot,
  modelInfo,
  backendStatus,
  onSlotsSaved,
  wide,
  onToggleWide,
  onHide,
  sharedBackend,
  last,
}: {
  conversationId: string;
  slot: SlotView;
  modelInfo: Partial<ModelInfo> | undefined;
  /** The backend's live status, when known: a dot by its name, red when it is down. */
  backendStatus?: BackendStatus;
  onSlotsSaved: ((slots: SlotView[]) => void) | null;
  wide: boolean;
  onToggleWide: () => void;
  /** Null when it is the last column on show. */
  onHide: (() => void) | null;
  /** Runs in parallel with another column on the same backend. */
  sharedBackend: boolean;
  last: boolean;
}) {
  const hint = modelHint(modelInfo);
  // Hugging Face style ids (`org/name`): the name leads, the organisation goes below it.
  const slash = slot.model.lastIndexOf('/');
  const name = slot.model.slice(slash + 1);
  const org = slash > 0 ? slot.model.slice(0, slash) : null;
  const facts = [org, slot.backendLabel, hint].filter((fact): fact is string => Boolean(fact));
  return (
    <header
      id={`column-${slot.id}`}
      data-testid="column"
      data-slot-position={slot.position}
      className={`flex h-14 min-w-0 items-center gap-2 bg-white px-3 dark:bg-zinc-950 ${last ? '' : 'border-r border-zinc-200 max-md:border-r-0 dark:border-zinc-800'}`}
    >
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
          className="truncate text-[11px] text-zinc-600 dark:text-zinc-400"
          title={modelInfo?.digest ? `digest ${modelInfo.digest}` : undefined}
        >
          {sharedBackend && (
            <span
              className="mr-1.5 rounded bg-amber-100 px-1 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-300"
              title="These models run in parallel on one backend, so each one's tokens/s is lower than it would be alone. Switch to One at a time for clean speeds."
            >
              shared
            </span>
          )}
          {modelInfo?.vramShare !== undefined && modelInfo.vramShare < 0.995 && (
            <span
              data-testid="partly-on-cpu"
              className="mr-1.5 rounded bg-amber-100 px-1 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-300"
              title={`Ollama holds ${Math.round((1 - modelInfo.vramShare) * 100)} % of this model on the CPU: its tokens/s is far below what the GPU alone gives.`}
            >
              {Math.round((1 - modelInfo.vramShare) * 100)} % CPU
            </span>
          )}
          {facts.map((fact, index) => (
            <span key={fact} className={fact === hint || fact === org ? 'font-mono' : ''}>
              {index > 0 && <span aria-hidden="true"> · </span>}
              {fact === slot.backendLabel && backendStatus && (
                <BackendStatusDot status={backendStatus} />
              )}
              {fact}
            </span>
          ))}
        </p>
      </div>
      <SlotParamsButton
        conversationId={conversationId}
        slot={slot}
        showThink={slot.backendKind === 'ollama' && modelInfo?.supportsThinking === true}
        onSaved={onSlotsSaved}
        align={slot.position === 0 ? 'start' : 'end'}
      />
      <button
        type="button"
        data-testid="widen-column"
        aria-pressed={wide}
        aria-label={wide ? `Narrow ${name} again` : `Widen ${name}`}
        title={wide ? 'Back to the same width as the others' : 'Widen this column'}
        onClick={onToggleWide}
        className={iconButton}
      >
        {wide ? <NarrowIcon className="size-3.5" /> : <WidenIcon className="size-3.5" />}
      </button>
      {onHide && (
        <button
          type="button"
          data-testid="hide-column"
          aria-label={`Hide ${name}`}
          title="Hide this column for now"
          onClick={onHide}
          className={iconButton}
        >
          <EyeOffIcon className="size-3.5" />
        </button>
      )}
    </header>
  );
}

const statusDot = { up: 'bg-emerald-500', down: 'bg-red-500', off: 'bg-zinc-400' } as const;

/** The backend's live status by its name: green up, red down, grey disabled or removed. */
function BackendStatusDot({ status }: { status: BackendStatus }) {
  const words = status.state === 'up' ? 'Backend up' : status.message;
  return (
    <span
      role="img"
      data-testid="column-backend-status"
      data-state={status.state}
      aria-label={words}
      title={words}
      className={`mr-1 inline-block size-1.5 rounded-full align-middle ${statusDot[status.state]}`}
    />
  );
}
