'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Composer } from '@/components/chat/composer';
import { PageHeader } from '@/components/layout/page-header';
import { BackendChips } from '@/components/lineup/backend-chips';
import { ExamplePrompts } from '@/components/lineup/example-prompts';
import { LineupSkeleton } from '@/components/lineup/lineup-skeleton';
import { NoBackends } from '@/components/lineup/no-backends';
import type { BackendView } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { savedPool, savePool } from '@/lib/client/battle-pool';
import { notifyConversationsChanged } from '@/lib/client/conversation-events';
import { useBackends } from '@/lib/client/use-backends';
import {
  BattlePool,
  entryOf,
  type PoolEntry,
  type PoolKey,
  poolKey,
  withinPool,
} from './battle-pool';
import { InstancePoolControl } from './instance-pool-control';

/**
 * A new blind battle: narrow the pool if wanted, ask the first question. The server picks two
 * models from the pool and hides them as Model A and Model B until the vote.
 */
export function BattleStart({
  backends: listed,
  instancePool,
  admin,
}: {
  backends: BackendView[] | null;
  /** The admin's pool for everyone; null: every model. */
  instancePool: PoolEntry[] | null;
  /** An admin sees every model, and sets everyone's pool. */
  admin: boolean;
}) {
  const router = useRouter();
  const backends = useBackends(listed);
  const list = withinPool(backends.backends, admin ? null : instancePool);
  const everyKey = list.flatMap((backend) =>
    backend.status === 'ok' ? backend.models.map((model) => poolKey(backend.id, model.id)) : [],
  );
  // null: every model (also the ones a backend lists later).
  const [chosen, setChosen] = useState<Set<PoolKey> | null>(null);
  const [prompt, setPrompt] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const saved = savedPool();
    if (saved) setChosen(new Set(saved.map((entry) => poolKey(entry.backendId, entry.model))));
  }, []);

  const pool = chosen ?? new Set(everyKey);
  const inPool = everyKey.filter((key) => pool.has(key)).length;
  const choose = (next: Set<PoolKey>) => {
    const narrowed = everyKey.some((key) => !next.has(key));
    setChosen(narrowed ? next : null);
    savePool(narrowed ? [...next].map(entryOf) : undefined);
  };

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const { battle } = await api.startBattle({ pool: savedPool() });
      await api.addTurn(battle.id, prompt);
      notifyConversationsChanged();
      router.push(`/c/${battle.id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setSending(false);
    }
  };

  const firstLoad = backends.status === 'loading' && list.length === 0;
  const problem = inPool < 2 ? 'The pool needs at least two models.' : null;
  return (
    <>
      <PageHeader title="Blind battle">
        <BackendChips
          backends={list}
          loading={backends.status === 'loading'}
          onRefresh={backends.refresh}
        />
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto grid w-full max-w-6xl gap-6 px-3 py-5 sm:px-6">
          <section aria-labelledby="battle-how" className="grid gap-1">
            <h2 id="battle-how" className="text-sm font-semibold">
              Two hidden models, one vote
            </h2>
            <p className="max-w-prose text-xs text-zinc-600 dark:text-zinc-400">
              Versus picks two different models from the pool and shows them as Model A and Model B.
              Ask as many questions as you like, then vote: A is better, B is better, tie, or both
              are bad. The vote reveals both models and counts on the leaderboard.
            </p>
          </section>
          {firstLoad ? (
            <LineupSkeleton />
          ) : everyKey.length < 2 ? (
            <NoBackends
              backends={list}
              onRefresh={backends.refresh}
              refreshing={backends.status === 'loading'}
            />
          ) : (
            <section aria-labelledby="pool-title" className="grid gap-3">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <h2 id="pool-title" className="text-sm font-semibold">
                  Pool
                </h2>
                <p
                  className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
                  data-testid="pool-size"
                >
                  {inPool} of {everyKey.length} models · pairs that met less often come up more
                </p>
                {chosen && (
                  <button
                    type="button"
                    onClick={() => choose(new Set(everyKey))}
                    className="text-xs text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-400"
                  >
                    Use every model
                  </button>
                )}
              </div>
              <BattlePool backends={list} chosen={pool} onChange={choose} />
              {admin && (
                <InstancePoolControl
                  instancePool={instancePool}
                  selection={chosen === null ? null : [...chosen].map(entryOf)}
                />
              )}
            </section>
          )}
          <ExamplePrompts onPick={setPrompt} />
        </div>
      </div>
      <Composer
        value={prompt}
        onChange={setPrompt}
        onSubmit={() => void send()}
        canSend={problem === null && everyKey.length >= 2}
        sending={sending}
        error={error}
        placeholder="Ask two hidden models the same thing…"
        hint={problem ?? undefined}
      />
    </>
  );
}
