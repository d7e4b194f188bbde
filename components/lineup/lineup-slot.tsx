'use client';

import { useId, useState } from 'react';
import { paramsSummary } from '@/components/chat/format';
import { inputClass, labelClass } from '@/components/ui/field';
import { ChevronIcon, CloseIcon } from '@/components/ui/icons';
import type { BackendView } from '@/lib/api/views';
import { type DraftSlot, findModel, withModel } from './lineup';
import { ModelFacts } from './model-facts';
import { ParamsFields } from './params-fields';

export function LineupSlot({
  index,
  slot,
  backends,
  onChange,
  onRemove,
}: {
  index: number;
  slot: DraftSlot;
  backends: BackendView[];
  onChange: (slot: DraftSlot) => void;
  onRemove?: () => void;
}) {
  const id = useId();
  const [paramsOpen, setParamsOpen] = useState(false);
  const { backend, model } = findModel(backends, slot);
  // Only Ollama takes `think`, and only for models it reports as thinking: others answer 400.
  const showThink = backend?.kind === 'ollama' && model?.supportsThinking === true;

  return (
    <li
      data-testid="lineup-slot"
      className="flex flex-col rounded-lg border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-2 flex h-6 items-center justify-between">
        <h3 className="text-xs font-semibold text-zinc-500 uppercase tracking-wide dark:text-zinc-400">
          Model {index + 1}
        </h3>
        {onRemove && (
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove model ${index + 1}`}
            className="grid size-6 place-items-center rounded text-zinc-500 outline-none hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
          >
            <CloseIcon className="size-3.5" />
          </button>
        )}
      </div>
      <div className="grid gap-2">
        <div>
          <label htmlFor={`${id}-backend`} className={labelClass}>
            Backend
          </label>
          <select
            id={`${id}-backend`}
            data-testid="backend-select"
            value={slot.backendId}
            onChange={(event) => {
              const next = backends.find((candidate) => candidate.id === event.target.value);
              onChange(withModel(backends, slot, event.target.value, next?.models[0]?.id ?? ''));
            }}
            className={inputClass}
          >
            {!backend && <option value="">Choose a backend</option>}
            {backends.map((candidate) => (
              <option key={candidate.id} value={candidate.id} disabled={candidate.status !== 'ok'}>
                {candidate.label}
                {candidate.status !== 'ok' ? ' — unreachable' : ''}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-model`} className={labelClass}>
            Model
          </label>
          <select
            id={`${id}-model`}
            data-testid="model-select"
            value={slot.model}
            disabled={!backend || backend.models.length === 0}
            onChange={(event) =>
              onChange(withModel(backends, slot, slot.backendId, event.target.value))
            }
            className={`${inputClass} font-mono text-[13px]`}
          >
            {!model && (
              <option value="">
                {backend && backend.models.length === 0
                  ? 'No models on this backend'
                  : 'Choose a model'}
              </option>
            )}
            {backend?.models.map((candidate) => {
              const hint = [candidate.parameterSize, candidate.quantization]
                .filter(Boolean)
                .join(' · ');
              return (
                <option key={candidate.id} value={candidate.id}>
                  {hint ? `${candidate.id}  —  ${hint}` : candidate.id}
                </option>
              );
            })}
          </select>
        </div>
        <ModelFacts model={model} />
      </div>
      <div className="mt-2 border-t border-zinc-100 pt-2 dark:border-zinc-800">
        <button
          type="button"
          aria-expanded={paramsOpen}
          aria-controls={`${id}-params`}
          onClick={() => setParamsOpen(!paramsOpen)}
          className="flex w-full items-center gap-1.5 rounded text-left text-xs text-zinc-600 outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          <ChevronIcon className={`size-3 transition-transform ${paramsOpen ? 'rotate-90' : ''}`} />
          <span className="font-medium">Parameters</span>
          <span className="ml-auto truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">
            {paramsSummary(slot.params)}
          </span>
        </button>
        <div id={`${id}-params`} hidden={!paramsOpen} className="pt-3">
          {paramsOpen && (
            <ParamsFields
              value={slot.params}
              onChange={(params) => onChange({ ...slot, params })}
              showThink={showThink}
            />
          )}
        </div>
      </div>
    </li>
  );
}
