'use client';

import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { inputClass, labelClass } from '@/components/ui/field';
import type { AdminBackendView, BackendTestView } from '@/lib/api/views';
import type { BackendKind } from '@/lib/backends/types';
import { messageOf } from '@/lib/client/api';
import { backendsApi } from '@/lib/client/backends-api';
import { TestResult } from './test-result';

export const kindNames: Record<BackendKind, string> = {
  ollama: 'Ollama',
  openai: 'OpenAI-compatible (vLLM, …)',
  deepseek: 'DeepSeek API',
};

const placeholders: Record<BackendKind, string> = {
  ollama: 'http://127.0.0.1:11434',
  openai: 'http://127.0.0.1:8000/v1',
  deepseek: 'https://api.deepseek.com',
};

/** What the form sends: the key and headers only when typed (blank keeps the stored ones). */
export interface BackendDraft {
  kind: BackendKind;
  label: string;
  baseUrl: string;
  apiKey?: string | null;
  headers?: Record<string, string> | null;
}

/** `Name: value` lines → headers; a line without a colon is refused by the server's check. */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    headers[(colon < 0 ? line : line.slice(0, colon)).trim()] =
      colon < 0 ? '' : line.slice(colon + 1).trim();
  }
  return headers;
}

/**
 * Adding or editing a backend. A backend from the environment takes only a new name here: its
 * address and key are the environment's.
 */
export function BackendForm({
  editing,
  canStoreKeys,
  onSave,
  onCancel,
}: {
  editing: AdminBackendView | null;
  canStoreKeys: boolean;
  onSave: (draft: BackendDraft) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const fromEnv = editing?.source === 'env';
  const [kind, setKind] = useState<BackendKind>(editing?.kind ?? 'ollama');
  const [label, setLabel] = useState(editing?.label ?? '');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [clearKey, setClearKey] = useState(false);
  const [headers, setHeaders] = useState('');
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [tested, setTested] = useState<BackendTestView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const draft = (): BackendDraft => ({
    kind,
    label: label.trim(),
    baseUrl: baseUrl.trim(),
    ...(clearKey ? { apiKey: null } : apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
    ...(headers.trim() ? { headers: parseHeaders(headers) } : {}),
  });

  const run = async (what: 'test' | 'save', action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  };

  const test = () =>
    run('test', async () => {
      const { label: name, ...connection } = draft();
      const { result } = await backendsApi.test({
        ...connection,
        label: name || undefined,
        id: editing?.id,
      });
      setTested(result);
    });

  const save = () => run('save', () => onSave(draft()));

  return (
    <form
      data-testid="backend-form"
      aria-label={editing ? `Edit ${editing.label}` : 'Add a backend'}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      className="grid gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor={`${id}-kind`} className={labelClass}>
            Kind
          </label>
          <select
            id={`${id}-kind`}
            name="kind"
            value={kind}
            disabled={Boolean(editing)}
            onChange={(event) => setKind(event.target.value as BackendKind)}
            className={inputClass}
          >
            {(Object.keys(kindNames) as BackendKind[]).map((option) => (
              <option key={option} value={option}>
                {kindNames[option]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-label`} className={labelClass}>
            Name
          </label>
          <input
            id={`${id}-label`}
            name="label"
            required
            maxLength={80}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            placeholder="GPU box (vLLM)"
            className={inputClass}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-url`} className={labelClass}>
          Base URL
        </label>
        <input
          id={`${id}-url`}
          name="baseUrl"
          required
          disabled={fromEnv}
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
          placeholder={placeholders[kind]}
          className={`${inputClass} font-mono`}
        />
        {kind === 'openai' && !fromEnv && (
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            OpenAI-compatible servers usually need the <code>/v1</code> at the end.
          </p>
        )}
      </div>
      {fromEnv ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          This backend comes from the environment: its address and key are set there. Here it can be
          renamed, enabled or disabled.
        </p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-key`} className={labelClass}>
              API key
            </label>
            <input
              id={`${id}-key`}
              name="apiKey"
              type="password"
              autoComplete="off"
              value={apiKey}
              disabled={clearKey || !canStoreKeys}
              onChange={(event) => setApiKey(event.target.value)}
              placeholder={
                !canStoreKeys
                  ? 'needs VERSUS_SECRET_KEY'
                  : editing?.hasKey
                    ? '•••••••• stored; blank keeps it'
                    : kind === 'ollama'
                      ? 'none (Ollama takes no key)'
                      : 'sk-…'
              }
              className={`${inputClass} font-mono`}
            />
            {editing?.hasKey && (
              <label className="mt-1 flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                <input
                  type="checkbox"
                  checked={clearKey}
                  onChange={(event) => setClearKey(event.target.checked)}
                />
                Remove the stored key
              </label>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-headers`} className={labelClass}>
              Extra headers{' '}
              <span className="font-normal">
                (one <code>Name: value</code> a line)
              </span>
            </label>
            <textarea
              id={`${id}-headers`}
              name="headers"
              rows={2}
              value={headers}
              disabled={!canStoreKeys}
              onChange={(event) => setHeaders(event.target.value)}
              placeholder={
                editing?.headerNames.length
                  ? `${editing.headerNames.join(', ')}: stored; blank keeps them`
                  : 'X-Tenant: research'
              }
              className={`${inputClass} font-mono`}
            />
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {tested && <TestResult result={tested} />}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={busy !== null} className={buttonClass('primary', 'md')}>
          {busy === 'save' ? 'Saving…' : editing ? 'Save' : 'Add backend'}
        </button>
        <button
          type="button"
          data-testid="test-connection"
          disabled={busy !== null || !baseUrl.trim()}
          onClick={() => void test()}
          className={buttonClass('secondary', 'md')}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={buttonClass('ghost', 'md')}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
