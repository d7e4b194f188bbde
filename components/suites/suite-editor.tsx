'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass, labelClass, NumberField } from '@/components/ui/field';
import { CloseIcon, PlusIcon } from '@/components/ui/icons';
import type { SaveSuiteInput, SuiteSettings } from '@/lib/api/suite-inputs';
import type { SuitePrompt } from '@/lib/api/suite-views';
import { CheckFields } from './check-fields';

type DraftPrompt = Omit<SuitePrompt, 'id'> & { id?: string; key: string };

let keys = 0;
const key = () => {
  keys += 1;
  return `prompt-${keys}`;
};

const blankPrompt = (): DraftPrompt => ({
  key: key(),
  title: '',
  prompt: '',
  check: { kind: 'manual' },
});

/** A suite's name, fair-run settings and prompts with their checks; `onSave` gets the input. */
export function SuiteEditor({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: { name: string; prompts: SuitePrompt[]; settings: SuiteSettings } | null;
  saving: boolean;
  onSave: (input: SaveSuiteInput) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [settings, setSettings] = useState<SuiteSettings>(initial?.settings ?? {});
  const [prompts, setPrompts] = useState<DraftPrompt[]>(() =>
    initial ? initial.prompts.map((prompt) => ({ ...prompt, key: key() })) : [blankPrompt()],
  );
  const change = (at: string, next: Partial<DraftPrompt>) =>
    setPrompts((list) =>
      list.map((prompt) => (prompt.key === at ? { ...prompt, ...next } : prompt)),
    );
  const move = (index: number, by: number) =>
    setPrompts((list) => {
      const next = [...list];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + by, 0, moved);
      return next;
    });

  const save = () =>
    onSave({
      name: name.trim(),
      settings,
      prompts: prompts.map(({ key: _key, ...prompt }) => ({
        ...prompt,
        // A prompt without a title is named by its first line.
        title: prompt.title.trim() || prompt.prompt.trim().split('\n')[0]?.slice(0, 60) || 'Prompt',
      })),
    });

  return (
    <form
      className="grid grid-cols-1 gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_9rem_9rem]">
        <div>
          <label htmlFor={`${id}-name`} className={labelClass}>
            Suite name
          </label>
          <input
            id={`${id}-name`}
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </div>
        <NumberField
          label="Temperature (all)"
          value={settings.temperature}
          onChange={(temperature) => setSettings({ ...settings, temperature })}
          min={0}
          max={2}
          step={0.1}
          placeholder="each model's"
        />
        <NumberField
          label="Max tokens (all)"
          value={settings.maxTokens}
          onChange={(maxTokens) => setSettings({ ...settings, maxTokens })}
          min={1}
          max={262_144}
          step={1}
          integer
          placeholder="each model's"
        />
        <div className="sm:col-span-3">
          <label htmlFor={`${id}-system`} className={labelClass}>
            System prompt (all; empty: each model's own)
          </label>
          <textarea
            id={`${id}-system`}
            rows={2}
            value={settings.systemPrompt ?? ''}
            onChange={(event) =>
              setSettings({ ...settings, systemPrompt: event.target.value || undefined })
            }
            className={inputClass}
          />
        </div>
      </div>

      <ol className="grid grid-cols-1 gap-3">
        {prompts.map((prompt, index) => (
          <li
            key={prompt.key}
            className="grid grid-cols-1 gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <div className="flex items-center gap-2">
              <span className="w-6 text-xs font-semibold text-zinc-500 tabular-nums dark:text-zinc-400">
                {index + 1}
              </span>
              <label htmlFor={`${id}-${prompt.key}-title`} className="sr-only">
                Title of prompt {index + 1}
              </label>
              <input
                id={`${id}-${prompt.key}-title`}
                value={prompt.title}
                maxLength={120}
                placeholder="Short title for the grid"
                onChange={(event) => change(prompt.key, { title: event.target.value })}
                className={`${inputClass} font-medium`}
              />
              <Button
                size="icon"
                variant="ghost"
                aria-label={`Move prompt ${index + 1} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </Button>
              <Button
                size="icon"
                variant="ghost"
                aria-label={`Move prompt ${index + 1} down`}
                disabled={index === prompts.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </Button>
              <Button
                size="icon"
                variant="ghost"
                aria-label={`Remove prompt ${index + 1}`}
                disabled={prompts.length === 1}
                onClick={() =>
                  setPrompts((list) => list.filter((other) => other.key !== prompt.key))
                }
              >
                <CloseIcon />
              </Button>
            </div>
            <label htmlFor={`${id}-${prompt.key}-prompt`} className="sr-only">
              Prompt {index + 1}
            </label>
            <textarea
              id={`${id}-${prompt.key}-prompt`}
              required
              rows={2}
              value={prompt.prompt}
              placeholder="The prompt, exactly as each model gets it"
              onChange={(event) => change(prompt.key, { prompt: event.target.value })}
              className={inputClass}
            />
            <CheckFields check={prompt.check} onChange={(check) => change(prompt.key, { check })} />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setPrompts((list) => [...list, blankPrompt()])}>
          <PlusIcon className="size-3.5" />
          Add a prompt
        </Button>
        <span className="flex-1" />
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save suite'}
        </Button>
      </div>
    </form>
  );
}
