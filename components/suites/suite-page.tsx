'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { SaveSuiteInput } from '@/lib/api/suite-inputs';
import type { SuiteRunSummary, SuiteView } from '@/lib/api/suite-views';
import type { BackendView } from '@/lib/api/views';
import { messageOf } from '@/lib/client/api';
import { suitesApi } from '@/lib/client/suites-api';
import { describeCheck } from '@/lib/suites/checks/describe-check';
import { RunForm } from './run-form';
import { RunList } from './run-list';
import { SuiteEditor } from './suite-editor';

/** One suite: its prompts (to read or edit), a run to start, and its runs. */
export function SuitePage({
  initial,
  runs,
  backends,
}: {
  initial: SuiteView;
  runs: SuiteRunSummary[];
  backends: BackendView[] | null;
}) {
  const router = useRouter();
  const [suite, setSuite] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (input: SaveSuiteInput) => {
    setSaving(true);
    setError(null);
    try {
      setSuite((await suitesApi.updateSuite(suite.id, input)).suite);
      setEditing(false);
      router.refresh();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  };
  const duplicate = async () => {
    try {
      const { suite: copy } = await suitesApi.duplicateSuite(suite.id);
      router.push(`/suites/${copy.id}`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const remove = async () => {
    if (!window.confirm(`Delete the suite “${suite.name}”? Its runs stay.`)) return;
    try {
      await suitesApi.deleteSuite(suite.id);
      router.push('/suites');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <div className="mx-auto grid grid-cols-1 w-full max-w-5xl gap-8 px-3 py-4 sm:px-6 sm:py-6">
      <section aria-label="Prompts" className="grid grid-cols-1 gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="min-w-0 flex-1 text-sm font-semibold">
            {suite.prompts.length} prompt{suite.prompts.length === 1 ? '' : 's'}
            <span className="block font-normal text-zinc-600 sm:ml-2 sm:inline dark:text-zinc-400">
              {[
                suite.settings.temperature !== undefined &&
                  `temperature ${suite.settings.temperature}`,
                suite.settings.maxTokens !== undefined && `max ${suite.settings.maxTokens} tokens`,
                suite.settings.systemPrompt && 'own system prompt',
              ]
                .filter(Boolean)
                .join(' · ') || 'each model’s own settings'}
            </span>
          </h2>
          {!editing && (
            <>
              <Button size="sm" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button size="sm" onClick={() => void duplicate()}>
                Duplicate
              </Button>
              <Button size="sm" variant="ghost" onClick={() => void remove()}>
                Delete
              </Button>
            </>
          )}
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        {editing ? (
          <SuiteEditor
            initial={suite}
            saving={saving}
            onSave={(input) => void save(input)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <ol className="grid grid-cols-1 gap-2">
            {suite.prompts.map((prompt, index) => (
              <li
                key={prompt.id}
                className="grid grid-cols-1 gap-1 rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
              >
                <div className="flex flex-wrap items-baseline gap-x-3">
                  <span className="text-xs font-semibold text-zinc-500 tabular-nums">
                    {index + 1}
                  </span>
                  <span className="font-medium">{prompt.title}</span>
                  <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-400">
                    {describeCheck(prompt.check)}
                  </span>
                </div>
                <p className="line-clamp-2 text-sm whitespace-pre-line text-zinc-700 dark:text-zinc-300">
                  {prompt.prompt}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-label="Run this suite" className="grid grid-cols-1 gap-3">
        <h2 className="text-sm font-semibold">Run this suite</h2>
        <RunForm suiteId={suite.id} backends={backends} />
      </section>

      <section aria-label="Runs" className="grid grid-cols-1 gap-3">
        <h2 className="text-sm font-semibold">Runs</h2>
        <RunList runs={runs} />
      </section>
    </div>
  );
}
