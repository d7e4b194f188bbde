'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import type { SaveSuiteInput } from '@/lib/api/suite-inputs';
import type { SuiteListEntry } from '@/lib/api/suite-views';
import { messageOf } from '@/lib/client/api';
import { suitesApi } from '@/lib/client/suites-api';
import { RunList } from './run-list';
import { SuiteEditor } from './suite-editor';

/** Every suite of the viewer's with its latest runs, and a new one to write. */
export function SuitesList({ suites }: { suites: SuiteListEntry[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (input: SaveSuiteInput) => {
    setSaving(true);
    setError(null);
    try {
      const { suite } = await suitesApi.createSuite(input);
      router.push(`/suites/${suite.id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setSaving(false);
    }
  };

  return (
    <div className="mx-auto grid grid-cols-1 w-full max-w-5xl gap-6 px-3 py-4 sm:px-6 sm:py-6">
      <div className="flex flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
          A suite is a battery of prompts with checks. Run it over a lineup to get the table: pass
          or fail and tokens per second, prompt by model.
        </p>
        {!creating && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon className="size-3.5" />
            New suite
          </Button>
        )}
      </div>
      {creating && (
        <section
          aria-label="New suite"
          className="grid grid-cols-1 gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 className="text-sm font-semibold">New suite</h2>
          {error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
          <SuiteEditor
            initial={null}
            saving={saving}
            onSave={(input) => void create(input)}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      <ul className="grid grid-cols-1 gap-4">
        {suites.map((suite) => (
          <li
            key={suite.id}
            className="grid grid-cols-1 gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
          >
            <div className="flex flex-wrap items-baseline gap-x-3">
              <Link
                href={`/suites/${suite.id}`}
                prefetch={false}
                className="font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {suite.name}
              </Link>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {suite.prompts.length} prompts ·{' '}
                {suite.prompts.map((prompt) => prompt.title).join(' · ')}
              </span>
            </div>
            <RunList runs={suite.runs.slice(0, 3)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
