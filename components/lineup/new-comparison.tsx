'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Composer } from '@/components/chat/composer';
import { RunModeToggle } from '@/components/chat/run-mode-toggle';
import { PageHeader } from '@/components/layout/page-header';
import type { RunMode } from '@/lib/api/inputs';
import type { BackendView } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { notifyConversationsChanged } from '@/lib/client/conversation-events';
import { useBackends } from '@/lib/client/use-backends';
import type { LineupSeed } from '@/lib/conversations/read';
import { BackendChips } from './backend-chips';
import { ExamplePrompts } from './example-prompts';
import {
  type DraftSlot,
  defaultLineup,
  lineupFromSeed,
  lineupProblem,
  sharedBackendGroups,
  titleFromPrompt,
} from './lineup';
import { LineupEditor } from './lineup-editor';
import { LineupSkeleton } from './lineup-skeleton';
import { NoBackends } from './no-backends';

const lineupKey = (lineup: DraftSlot[], runMode: RunMode) => JSON.stringify([runMode, lineup]);

/**
 * The new-comparison screen: pick a lineup, send the first prompt, land on its columns. It
 * starts from `seed` (the last lineup used, or the one asked for) where there is one, and from
 * the server's listing of the backends when the page came with one (else the browser asks).
 */
export function NewComparison({
  seed,
  backends: listed,
}: {
  seed: LineupSeed | null;
  backends: BackendView[] | null;
}) {
  const router = useRouter();
  const backends = useBackends(listed);
  const [edited, setEdited] = useState<DraftSlot[] | null>(() =>
    seed ? lineupFromSeed(seed.slots) : null,
  );
  const [runMode, setRunMode] = useState<RunMode>(seed?.runMode ?? 'parallel');
  const [prompt, setPrompt] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A conversation created for this exact lineup whose first prompt failed: reuse, don't duplicate.
  const [created, setCreated] = useState<{ key: string; id: string } | null>(null);

  const list = backends.backends;
  const lineup = edited ?? defaultLineup(list);
  const firstLoad = backends.status === 'loading' && list.length === 0;
  const reachable = list.some((backend) => backend.status === 'ok' && backend.models.length > 0);
  const problem = reachable ? lineupProblem(list, lineup) : null;
  const shared = runMode === 'parallel' ? sharedBackendGroups(lineup) : [];
  const failing = list.filter((backend) => backend.status !== 'ok');

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const key = lineupKey(lineup, runMode);
      let id = created?.key === key ? created.id : null;
      if (!id) {
        const { conversation } = await api.createConversation({
          lineup: lineup.map(({ backendId, model, params }) => ({ backendId, model, params })),
          runMode,
          title: titleFromPrompt(prompt),
        });
        id = conversation.id;
        setCreated({ key, id });
      }
      await api.addTurn(id, prompt);
      notifyConversationsChanged();
      router.push(`/c/${id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setSending(false);
    }
  };

  return (
    <>
      <PageHeader title="New comparison">
        <BackendChips
          backends={list}
          loading={backends.status === 'loading'}
          onRefresh={backends.refresh}
        />
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto grid w-full max-w-6xl gap-6 px-3 py-5 sm:px-6">
          {backends.status === 'failed' && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/40 dark:text-red-300"
            >
              Could not list backends: {backends.error}
            </p>
          )}
          {firstLoad ? (
            <LineupSkeleton />
          ) : !reachable && backends.status !== 'failed' ? (
            <NoBackends
              backends={list}
              onRefresh={backends.refresh}
              refreshing={backends.status === 'loading'}
            />
          ) : (
            <>
              <section aria-labelledby="lineup-title" className="grid gap-3">
                <div>
                  <h2 id="lineup-title" className="text-sm font-semibold">
                    Lineup
                  </h2>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    2 to 6 models get the same prompt; their answers stream side by side.
                  </p>
                </div>
                <LineupEditor backends={list} lineup={lineup} onChange={setEdited} />
                {failing.length > 0 && (
                  <ul className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
                    {failing.map((backend) => (
                      <li key={backend.id}>
                        <span className="font-medium text-zinc-700 dark:text-zinc-300">
                          {backend.label}
                        </span>{' '}
                        <span className="font-mono">({backend.baseUrl})</span> is unavailable:{' '}
                        {backend.error?.message}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="run-mode-title" className="grid gap-2">
                <h2 id="run-mode-title" className="text-sm font-semibold">
                  Run mode
                </h2>
                <RunModeToggle value={runMode} onChange={setRunMode} />
                {shared.map((positions) => (
                  <p key={positions.join()} className="text-xs text-amber-700 dark:text-amber-400">
                    Models {positions.join(' and ')} run on the same backend: in parallel they
                    compete for it, and their speeds affect each other.
                  </p>
                ))}
              </section>
              <ExamplePrompts onPick={setPrompt} />
            </>
          )}
        </div>
      </div>
      <Composer
        value={prompt}
        onChange={setPrompt}
        onSubmit={() => void send()}
        canSend={reachable && problem === null}
        sending={sending}
        error={error}
        placeholder={reachable ? 'Ask all models the same thing…' : 'Configure a backend first'}
        hint={problem ?? undefined}
      />
    </>
  );
}
