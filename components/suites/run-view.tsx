'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { SuiteRunView as RunView, SuiteRunSummary } from '@/lib/api/suite-views';
import { messageOf } from '@/lib/client/api';
import { suitesApi } from '@/lib/client/suites-api';
import { summarizeRun } from '@/lib/suites/run-stats';
import { QualitySpeedChart } from './quality-speed-chart';
import type { JudgeCell } from './result-cell';
import { ResultsGrid } from './results-grid';
import { RunCompare } from './run-compare';
import { RunProgress } from './run-progress';
import { SpeedBars } from './speed-bars';

/** How often a running run's grid is read again. */
const POLL_MS = 1_500;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid grid-cols-1 gap-3" aria-label={title}>
      <h2 className="text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A run's page: progress, the grid with its summary, the charts, exports and comparison. */
export function SuiteRunView({
  initial,
  others,
  compared,
}: {
  initial: RunView;
  /** Other runs of the same suite, to compare with. */
  others: SuiteRunSummary[];
  compared: RunView | null;
}) {
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const summaries = useMemo(() => summarizeRun(run), [run]);
  const live = run.status === 'running' || run.items.some((item) => item.status === 'running');

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      suitesApi
        .getRun(run.id)
        .then(({ run: next }) => setRun(next))
        .catch((caught: unknown) => setError(messageOf(caught)));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, run.id]);

  const act = async (change: () => Promise<{ run: RunView }>) => {
    setBusy(true);
    setError(null);
    try {
      setRun((await change()).run);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const onJudge: JudgeCell = ({ item, cell }, verdict) =>
    void act(() =>
      suitesApi.judgeCell(run.id, { itemId: item.id, position: cell.position, verdict }),
    );
  const remove = async () => {
    if (!window.confirm('Delete this run and the conversations that answered it?')) return;
    try {
      await suitesApi.deleteRun(run.id);
      router.push(run.suiteId ? `/suites/${run.suiteId}` : '/suites');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const awaitingVotes = run.items.filter((item) => item.awaitingVote && item.conversationId);
  const exportHref = (format: string) => `/api/suite-runs/${run.id}/export?format=${format}`;

  return (
    <div className="mx-auto grid grid-cols-1 w-full max-w-6xl gap-6 px-3 py-4 sm:px-6 sm:py-6">
      <div className="grid grid-cols-1 gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 flex-1 text-xs text-zinc-600 dark:text-zinc-400">
            {run.models.length} model{run.models.length === 1 ? '' : 's'} × {run.prompts.length}{' '}
            prompts
            {run.repeats > 1 && ` × ${run.repeats} repeats`}
            {' · '}
            {run.mode === 'blind'
              ? 'blind battles'
              : run.runMode === 'sequential'
                ? 'one at a time'
                : 'models in parallel'}
            {run.settings.temperature !== undefined && ` · temperature ${run.settings.temperature}`}
            {run.settings.maxTokens !== undefined && ` · max ${run.settings.maxTokens} tokens`}
          </p>
          {run.status === 'running' && (
            <button
              type="button"
              disabled={busy}
              className={buttonClass('secondary', 'sm')}
              onClick={() => void act(() => suitesApi.setRunStatus(run.id, 'paused'))}
            >
              Pause
            </button>
          )}
          {run.status === 'paused' && (
            <button
              type="button"
              disabled={busy}
              className={buttonClass('primary', 'sm')}
              onClick={() => void act(() => suitesApi.setRunStatus(run.id, 'running'))}
            >
              Resume
            </button>
          )}
          <a href={exportHref('csv')} download className={buttonClass('secondary', 'sm')}>
            CSV
          </a>
          <a href={exportHref('markdown')} download className={buttonClass('secondary', 'sm')}>
            Markdown
          </a>
          <a href={exportHref('json')} download className={buttonClass('secondary', 'sm')}>
            JSON
          </a>
          <button
            type="button"
            className={buttonClass('ghost', 'sm')}
            onClick={() => void remove()}
          >
            Delete
          </button>
        </div>
        <RunProgress run={run} />
        {error && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300"
          >
            {error}
          </p>
        )}
        {run.mode === 'blind' && awaitingVotes.length > 0 && (
          <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-200">
            {awaitingVotes.length} battle{awaitingVotes.length === 1 ? '' : 's'} to vote on: the
            grid shows each item once it is voted.{' '}
            <Link
              href={`/c/${awaitingVotes[0]?.conversationId}`}
              prefetch={false}
              className="font-semibold underline underline-offset-2"
            >
              Vote on the next
            </Link>
          </p>
        )}
      </div>

      <Section title="Results">
        <ResultsGrid run={run} summaries={summaries} busy={busy} onJudge={onJudge} />
      </Section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title="Quality against speed">
          <QualitySpeedChart models={run.models} summaries={summaries} />
        </Section>
        <Section title="Tokens per second by task">
          <SpeedBars run={run} />
        </Section>
      </div>

      {others.length > 0 && (
        <Section title="Compare with another run">
          <nav aria-label="Runs of this suite" className="flex flex-wrap gap-2">
            {others.map((other) => (
              <Link
                key={other.id}
                href={
                  compared?.id === other.id
                    ? `/suites/runs/${run.id}`
                    : `/suites/runs/${run.id}?vs=${other.id}`
                }
                prefetch={false}
                aria-current={compared?.id === other.id ? 'true' : undefined}
                className={buttonClass(compared?.id === other.id ? 'primary' : 'secondary', 'sm')}
              >
                {new Date(other.createdAt).toLocaleString('en-GB', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}{' '}
                · {other.models.length} models
              </Link>
            ))}
          </nav>
          {compared && <RunCompare run={run} other={compared} />}
        </Section>
      )}
    </div>
  );
}
