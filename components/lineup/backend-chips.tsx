import { RefreshIcon } from '@/components/ui/icons';
import type { BackendView } from '@/lib/api/views';

/** One chip per configured backend: reachable or not, and how many models it lists. */
export function BackendChips({
  backends,
  loading,
  onRefresh,
}: {
  backends: BackendView[];
  loading: boolean;
  onRefresh: () => void;
}) {
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <ul className="flex min-w-0 gap-1.5 overflow-x-auto max-sm:hidden">
        {backends.map((backend) => (
          <li
            key={backend.id}
            data-testid="backend-chip"
            data-status={backend.status}
            title={`${backend.baseUrl}${backend.error ? ` — ${backend.error.message}` : ''}`}
            className="flex shrink-0 items-center gap-1.5 rounded-full border border-zinc-200 px-2 py-0.5 text-[11px] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
          >
            <span
              aria-hidden="true"
              className={`size-1.5 rounded-full ${backend.status === 'ok' ? 'bg-emerald-500' : 'bg-red-500'}`}
            />
            {backend.label}
            <span className="text-zinc-500 tabular-nums dark:text-zinc-400">
              {backend.status === 'ok'
                ? `${backend.models.length} model${backend.models.length === 1 ? '' : 's'}`
                : 'unreachable'}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onRefresh}
        disabled={loading}
        aria-label="Ask the backends again for their models"
        title="Ask the backends again for their models"
        className="grid size-7 shrink-0 place-items-center rounded-md text-zinc-500 outline-none hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500/60 disabled:opacity-50 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <RefreshIcon className={`size-3.5 ${loading ? 'animate-spin' : ''}`} />
      </button>
    </div>
  );
}
