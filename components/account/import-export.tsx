'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ErrorNote } from '@/components/ui/error-note';
import { api, messageOf } from '@/lib/client/api';
import { notifyConversationsChanged } from '@/lib/client/conversation-events';

/** Import a conversation file (from a conversation's Export → JSON); download one's votes. */
export function ImportExport() {
  const router = useRouter();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text());
      } catch {
        throw new Error(
          `${file.name} is not JSON: choose a file from a conversation's Export → JSON.`,
        );
      }
      const { conversation } = await api.importConversation(doc);
      notifyConversationsChanged();
      router.push(`/c/${conversation.id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby="data-title"
      className="mx-auto grid w-full max-w-3xl gap-2 px-3 pb-5 sm:px-6"
    >
      <h2 id="data-title" className="text-sm font-semibold">
        Import and export
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        A conversation's JSON file (its page's Export menu) becomes a new conversation of yours.
        Backends are matched by kind and name; one this instance does not have keeps its answers but
        takes no new prompts. Your votes and verdicts download as preference pairs (JSON Lines) for
        preference tuning.
      </p>
      <ErrorNote message={error} />
      <div className="flex flex-wrap gap-2">
        <label
          htmlFor={inputId}
          aria-disabled={busy}
          className={buttonClass(
            'secondary',
            'md',
            'cursor-pointer has-focus-visible:ring-2 has-focus-visible:ring-indigo-500/70 aria-disabled:pointer-events-none aria-disabled:opacity-45',
          )}
        >
          {busy ? 'Importing…' : 'Import conversation'}
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            data-testid="import-conversation"
            disabled={busy}
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <a
          href="/api/votes/export"
          download
          data-testid="download-votes"
          className={buttonClass('secondary', 'md')}
        >
          Download my votes (JSON Lines)
        </a>
      </div>
    </section>
  );
}
