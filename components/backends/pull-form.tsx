'use client';

import { useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { messageOf } from '@/lib/client/api';
import { type PullState, pullModel } from '@/lib/client/pull-model';

const GB = 1024 ** 3;
const bytes = (count: number) =>
  count >= GB ? `${(count / GB).toFixed(2)} GB` : `${(count / 1024 ** 2).toFixed(0)} MB`;

/**
 * Pull a model by name, with Ollama's progress as a bar; Cancel stops the download. `onEnded`
 * runs once a pull has ended, however it ended.
 */
export function PullForm({ backendId, onEnded }: { backendId: string; onEnded: () => void }) {
  const id = useId();
  const [model, setModel] = useState('');
  const [progress, setProgress] = useState<PullState | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const running = useRef<AbortController | null>(null);
  const [pulling, setPulling] = useState(false);

  const start = async () => {
    const name = model.trim();
    if (!name) return;
    const controller = new AbortController();
    running.current = controller;
    setPulling(true);
    setOutcome(null);
    setProgress({ status: 'starting', completed: 0, total: 0 });
    try {
      await pullModel({
        backendId,
        model: name,
        signal: controller.signal,
        onProgress: setProgress,
      });
      setOutcome({ ok: true, text: `Pulled ${name}.` });
      setModel('');
    } catch (caught) {
      setOutcome({
        ok: false,
        text: controller.signal.aborted ? `Cancelled the pull of ${name}.` : messageOf(caught),
      });
    } finally {
      running.current = null;
      setPulling(false);
      setProgress(null);
      onEnded();
    }
  };

  const percent = progress && progress.total > 0 ? (progress.completed / progress.total) * 100 : 0;
  return (
    <div className="grid gap-2">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <label htmlFor={`${id}-model`} className="sr-only">
          Model to pull
        </label>
        <input
          id={`${id}-model`}
          data-testid="pull-model-name"
          value={model}
          disabled={pulling}
          onChange={(event) => setModel(event.target.value)}
          placeholder="Model to pull, e.g. qwen2.5:0.5b"
          className={`${inputClass} min-w-0 flex-1 font-mono sm:max-w-xs`}
        />
        {pulling ? (
          // Its own key, and no default action: reusing one element for Cancel and Pull let the
          // cancelling click finish as a click on Pull, once the element had become it.
          <button
            key="cancel"
            type="button"
            data-testid="pull-cancel"
            onClick={(event) => {
              event.preventDefault();
              running.current?.abort();
            }}
            className={buttonClass('danger', 'md')}
          >
            Cancel
          </button>
        ) : (
          <button
            key="pull"
            type="submit"
            data-testid="pull-start"
            disabled={!model.trim()}
            className={buttonClass('secondary', 'md')}
          >
            Pull
          </button>
        )}
      </form>
      {progress && (
        <div data-testid="pull-progress" className="grid gap-1">
          <div
            role="progressbar"
            aria-label={`Pulling ${model}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(percent)}
            className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          >
            <div
              className="h-full rounded-full bg-indigo-500 transition-[width] duration-150"
              style={{ width: `${percent.toFixed(1)}%` }}
            />
          </div>
          <p className="font-mono text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400">
            <span data-testid="pull-status">{progress.status}</span>
            {progress.total > 0 &&
              ` · ${bytes(progress.completed)} of ${bytes(progress.total)} · ${percent.toFixed(0)} %`}
          </p>
        </div>
      )}
      {outcome && (
        <p
          role="status"
          data-testid="pull-outcome"
          className={`text-xs ${outcome.ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
