'use client';

import { useCallback, useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { AdminBackendView, LoadedModelView } from '@/lib/api/views';
import type { ModelInfo } from '@/lib/backends/types';
import { messageOf } from '@/lib/client/api';
import { backendsApi } from '@/lib/client/backends-api';
import { ConfirmBar } from './confirm-bar';
import { ModelSummary } from './model-details';
import { PullForm } from './pull-form';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Where a loaded model runs: all in VRAM, or split with the CPU (the slow case), until when. */
export function placement(model: LoadedModelView): string {
  const share = model.sizeBytes > 0 ? model.vramBytes / model.sizeBytes : 0;
  const where =
    share >= 0.995
      ? 'in VRAM'
      : share <= 0.005
        ? 'on CPU'
        : `${percent(share)} VRAM / ${percent(1 - share)} CPU`;
  const until = model.expiresAt
    ? ` · until ${new Date(model.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
    : '';
  return `${where}${until}`;
}

/**
 * An Ollama backend's models: what is in memory now (/api/ps), every installed model with
 * what Ollama reports of it and a Delete (confirmed), and pulling a new one.
 */
export function OllamaPanel({
  backend,
  onChanged,
}: {
  backend: AdminBackendView;
  /** A pull or delete was recorded: the page lists it. */
  onChanged: () => void;
}) {
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [loaded, setLoaded] = useState<LoadedModelView[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setError(null);
    try {
      const [{ result }, ps] = await Promise.all([
        backendsApi.test({ id: backend.id, kind: backend.kind, baseUrl: backend.baseUrl }),
        backendsApi.loaded(backend.id),
      ]);
      if (!result.ok) throw new Error(result.error.message);
      setModels(result.models);
      setLoaded(ps.models);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [backend.id, backend.kind, backend.baseUrl]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const remove = async (model: string) => {
    setError(null);
    try {
      await backendsApi.deleteModel(backend.id, model);
      setConfirming(null);
      onChanged();
      await refresh();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <div
      data-testid="ollama-panel"
      className="grid gap-3 rounded-md bg-zinc-50 p-3 dark:bg-zinc-900/60"
    >
      <div className="flex items-center gap-2">
        <h3 className="text-xs font-semibold">In memory now</h3>
        <button type="button" onClick={() => void refresh()} className={buttonClass('ghost', 'sm')}>
          Refresh
        </button>
      </div>
      {loaded.length === 0 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">No model is loaded.</p>
      ) : (
        <ul className="grid gap-1 text-xs" data-testid="loaded-models">
          {loaded.map((model) => {
            const partly = model.sizeBytes > 0 && model.vramBytes < model.sizeBytes * 0.995;
            return (
              <li key={model.id} data-testid="loaded-model" className="flex flex-wrap gap-x-2">
                <span className="font-mono font-medium">{model.id}</span>
                <span
                  className={
                    partly
                      ? 'font-medium text-amber-800 dark:text-amber-300'
                      : 'text-zinc-600 dark:text-zinc-400'
                  }
                  title={
                    partly
                      ? 'Part of this model runs on the CPU: expect far fewer tokens per second.'
                      : undefined
                  }
                >
                  {placement(model)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="text-xs font-semibold">Installed</h3>
      {models === null ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Loading…</p>
      ) : (
        <ul className="grid gap-1" data-testid="installed-models">
          {models.map((model) => (
            <li key={model.id} data-testid="installed-model" className="grid gap-1 text-xs">
              <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5">
                <ModelSummary model={model} />
                <button
                  type="button"
                  data-testid="delete-model"
                  aria-label={`Delete ${model.id}`}
                  onClick={() => setConfirming(model.id)}
                  className={buttonClass('danger', 'sm', 'ml-auto')}
                >
                  Delete
                </button>
              </div>
              {confirming === model.id && (
                <ConfirmBar
                  label={`Delete ${model.id}?`}
                  action="Delete"
                  testId="confirm-delete-model"
                  onConfirm={() => void remove(model.id)}
                  onCancel={() => setConfirming(null)}
                >
                  Delete {model.id} from {backend.label}? Its files are removed from the server.
                </ConfirmBar>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="text-xs font-semibold">Pull a model</h3>
      <PullForm
        backendId={backend.id}
        onEnded={() => {
          onChanged();
          void refresh();
        }}
      />
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
