import Link from 'next/link';
import { shortModelName } from '@/components/chat/format';
import type { SuiteRunSummary } from '@/lib/api/suite-views';

const STATUS = { running: 'Running', paused: 'Paused', done: 'Finished' } as const;

/** Runs of a suite, newest first, each a link to its grid. */
export function RunList({ runs }: { runs: SuiteRunSummary[] }) {
  if (runs.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No runs yet.</p>;
  }
  return (
    <ul className="grid grid-cols-1 gap-1.5">
      {runs.map((run) => (
        <li key={run.id}>
          <Link
            href={`/suites/runs/${run.id}`}
            prefetch={false}
            className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 rounded-md border border-zinc-200 px-3 py-2 text-sm outline-none hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:border-zinc-800 dark:hover:bg-zinc-900"
          >
            <span className="font-medium tabular-nums">
              {new Date(run.createdAt).toLocaleString('en-GB', {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </span>
            <span className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {run.models.map(shortModelName).join(' · ')}
            </span>
            <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
              {run.mode === 'blind' ? 'blind · ' : ''}
              {run.repeats > 1 ? `×${run.repeats} · ` : ''}
              {STATUS[run.status]} · {run.doneCells}/{run.totalCells}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
