'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { type DraftSlot, defaultLineup, lineupProblem } from '@/components/lineup/lineup';
import { LineupEditor } from '@/components/lineup/lineup-editor';
import { LineupSkeleton } from '@/components/lineup/lineup-skeleton';
import { Button } from '@/components/ui/button';
import { inputClass, labelClass } from '@/components/ui/field';
import type { RunMode } from '@/lib/api/inputs';
import type { BackendView } from '@/lib/api/views';
import { messageOf } from '@/lib/client/api';
import { suitesApi } from '@/lib/client/suites-api';
import { useBackends } from '@/lib/client/use-backends';

/** Starts a run of the suite: the lineup, repeats, blind or not, one at a time or in parallel. */
export function RunForm({
  suiteId,
  backends: listed,
}: {
  suiteId: string;
  backends: BackendView[] | null;
}) {
  const id = useId();
  const router = useRouter();
  const backends = useBackends(listed);
  const [edited, setEdited] = useState<DraftSlot[] | null>(null);
  const [repeats, setRepeats] = useState(1);
  const [mode, setMode] = useState<'compare' | 'blind'>('compare');
  const [runMode, setRunMode] = useState<RunMode>('sequential');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = backends.backends;
  const lineup = edited ?? defaultLineup(list, 3);
  const problem =
    lineupProblem(list, lineup) ??
    (mode === 'blind' && lineup.length !== 2
      ? 'A blind run pits exactly two models: remove the others.'
      : null);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const { run } = await suitesApi.startRun(suiteId, {
        lineup: lineup.map(({ backendId, model, params }) => ({ backendId, model, params })),
        repeats,
        mode,
        runMode,
      });
      router.push(`/suites/runs/${run.id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setStarting(false);
    }
  };

  return (
    <div className="grid grid-cols-1 gap-4">
      {backends.status === 'loading' && list.length === 0 ? (
        <LineupSkeleton />
      ) : (
        <LineupEditor backends={list} lineup={lineup} onChange={setEdited} />
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-repeats`} className={labelClass}>
            Repeats (for answers that vary)
          </label>
          <select
            id={`${id}-repeats`}
            value={repeats}
            onChange={(e) => setRepeats(Number(e.target.value))}
            className={inputClass}
          >
            {[1, 2, 3, 5, 10].map((count) => (
              <option key={count} value={count}>
                {count === 1 ? 'Once' : `${count} times`}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-pace`} className={labelClass}>
            Pace
          </label>
          <select
            id={`${id}-pace`}
            value={runMode}
            onChange={(e) => setRunMode(e.target.value as RunMode)}
            className={inputClass}
          >
            <option value="sequential">One model at a time (fair speeds on one GPU)</option>
            <option value="parallel">All models at once</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-mode`} className={labelClass}>
            Mode
          </label>
          <select
            id={`${id}-mode`}
            value={mode}
            onChange={(e) => setMode(e.target.value as 'compare' | 'blind')}
            className={inputClass}
          >
            <option value="compare">Compare (names shown)</option>
            <option value="blind">Blind battles (two models, votes count)</option>
          </select>
        </div>
      </div>
      {(problem || error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error ?? problem}
        </p>
      )}
      <div>
        <Button
          variant="primary"
          disabled={starting || problem !== null}
          onClick={() => void start()}
        >
          {starting ? 'Starting…' : 'Run the suite'}
        </Button>
      </div>
    </div>
  );
}
