'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { AdminBackendView, BackendHealthView, BackendTestView } from '@/lib/api/views';
import { messageOf } from '@/lib/client/api';
import { backendsApi } from '@/lib/client/backends-api';
import { ConfirmBar } from './confirm-bar';
import { HealthDot } from './health-dot';
import { OllamaPanel } from './ollama-panel';
import { TestResult } from './test-result';

const badge = 'rounded px-1.5 py-px text-[11px] font-medium';

/** One backend on the Backends page: what it is, its status, and what an admin can do to it. */
export function BackendRow({
  backend,
  health,
  onEdit,
  onToggle,
  onRemove,
  onChanged,
}: {
  backend: AdminBackendView;
  health: BackendHealthView | undefined;
  onEdit: () => void;
  onToggle: () => Promise<void>;
  onRemove: () => Promise<void>;
  /** Something changed that the page lists (a pulled or deleted model's audit entry). */
  onChanged: () => void;
}) {
  const [tested, setTested] = useState<BackendTestView | null>(null);
  const [testing, setTesting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [showModels, setShowModels] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const test = async () => {
    setTesting(true);
    setError(null);
    try {
      const { result } = await backendsApi.test({
        id: backend.id,
        kind: backend.kind,
        baseUrl: backend.baseUrl,
      });
      setTested(result);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setTesting(false);
    }
  };

  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <li data-testid="backend-row" data-backend-id={backend.id} className="grid gap-2 px-3 py-2.5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <div className="min-w-0 basis-full sm:flex-1 sm:basis-0">
          <p className="flex min-w-0 flex-wrap items-center gap-1.5 text-sm font-medium">
            <span className="flex min-w-0 items-center gap-1.5">
              <HealthDot enabled={backend.enabled} health={health} />
              <span data-testid="backend-name" className="truncate">
                {backend.label}
              </span>
            </span>
            <span
              className={`${badge} bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300`}
            >
              {backend.kind === 'openai'
                ? 'OpenAI-compatible'
                : backend.kind === 'ollama'
                  ? 'Ollama'
                  : 'DeepSeek'}
            </span>
            {backend.source === 'env' && (
              <span
                title="Named by the environment (.env): its address and key are set there"
                className={`${badge} bg-sky-50 text-sky-800 dark:bg-sky-950/60 dark:text-sky-300`}
              >
                environment
              </span>
            )}
            {!backend.enabled && (
              <span
                className={`${badge} bg-amber-50 text-amber-800 dark:bg-amber-950/50 dark:text-amber-300`}
              >
                disabled
              </span>
            )}
          </p>
          <p className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">
            {backend.baseUrl}
            <span className="font-sans">
              {' · '}
              {backend.hasKey ? 'key ••••••••' : 'no key'}
              {backend.headerNames.length > 0 && ` · headers: ${backend.headerNames.join(', ')}`}
            </span>
          </p>
          {health?.status === 'error' && health.error && backend.enabled && (
            <p
              data-testid="backend-health-error"
              className="text-xs text-red-700 dark:text-red-400"
            >
              {health.error.message}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-1.5">
          <button
            type="button"
            data-testid="row-test"
            onClick={() => void test()}
            disabled={testing}
            className={buttonClass('secondary', 'sm')}
          >
            {testing ? 'Testing…' : 'Test'}
          </button>
          {backend.kind === 'ollama' && backend.enabled && (
            <button
              type="button"
              data-testid="row-models"
              aria-expanded={showModels}
              onClick={() => setShowModels((now) => !now)}
              className={buttonClass('secondary', 'sm')}
            >
              Models
            </button>
          )}
          <button
            type="button"
            data-testid="row-edit"
            onClick={onEdit}
            className={buttonClass('secondary', 'sm')}
          >
            Edit
          </button>
          <button
            type="button"
            data-testid="row-toggle"
            onClick={() => void act(onToggle)}
            className={buttonClass('secondary', 'sm')}
          >
            {backend.enabled ? 'Disable' : 'Enable'}
          </button>
          {backend.source === 'ui' && (
            <button
              type="button"
              data-testid="row-remove"
              onClick={() => setConfirming(true)}
              className={buttonClass('danger', 'sm')}
            >
              Remove
            </button>
          )}
        </div>
      </div>
      {confirming && (
        <ConfirmBar
          label={`Remove ${backend.label}?`}
          action="Remove"
          testId="confirm-remove"
          onConfirm={() => void act(onRemove)}
          onCancel={() => setConfirming(false)}
        >
          Remove {backend.label}? Its conversations keep their answers and its name; new prompts to
          it will fail.
        </ConfirmBar>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {tested && <TestResult result={tested} />}
      {showModels && backend.kind === 'ollama' && (
        <OllamaPanel backend={backend} onChanged={onChanged} />
      )}
    </li>
  );
}
