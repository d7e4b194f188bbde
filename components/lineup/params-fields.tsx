'use client';

import { useId } from 'react';
import { inputClass, labelClass, NumberField } from '@/components/ui/field';
import type { SlotParams } from '@/lib/api/inputs';

type Think = 'default' | 'on' | 'off';

const thinkOf = (params: SlotParams): Think =>
  params.think === undefined ? 'default' : params.think ? 'on' : 'off';

/** Generation parameters of one slot. Blank means "the backend's default". */
export function ParamsFields({
  value,
  onChange,
  showThink,
}: {
  value: SlotParams;
  onChange: (params: SlotParams) => void;
  showThink: boolean;
}) {
  const id = useId();
  const set = <K extends keyof SlotParams>(key: K, next: SlotParams[K] | undefined) => {
    const copy: SlotParams = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    onChange(copy);
  };

  return (
    <div className="grid gap-3">
      <div>
        <label htmlFor={`${id}-system`} className={labelClass}>
          System prompt
        </label>
        <textarea
          id={`${id}-system`}
          rows={3}
          value={value.systemPrompt ?? ''}
          placeholder="None"
          onChange={(event) => set('systemPrompt', event.target.value || undefined)}
          className={`${inputClass} max-h-48 resize-y`}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          label="Temperature"
          value={value.temperature}
          onChange={(next) => set('temperature', next)}
          min={0}
          max={2}
          step={0.1}
          placeholder="default"
          hint="0–2"
        />
        <NumberField
          label="Max tokens"
          value={value.maxTokens}
          onChange={(next) => set('maxTokens', next)}
          min={1}
          max={262_144}
          step={256}
          integer
          placeholder="default"
          hint="Blank: no limit set"
        />
      </div>
      {showThink && (
        <div>
          <label htmlFor={`${id}-think`} className={labelClass}>
            Reasoning trace (Ollama <code className="font-mono">think</code>)
          </label>
          <select
            id={`${id}-think`}
            value={thinkOf(value)}
            onChange={(event) => {
              const next = event.target.value as Think;
              set('think', next === 'default' ? undefined : next === 'on');
            }}
            className={inputClass}
          >
            <option value="default">Model default</option>
            <option value="on">On</option>
            <option value="off">Off</option>
          </select>
        </div>
      )}
    </div>
  );
}
