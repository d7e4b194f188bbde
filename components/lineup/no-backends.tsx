import { Button } from '@/components/ui/button';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import type { BackendView } from '@/lib/api/views';

const code =
  'rounded bg-zinc-100 px-1 py-0.5 font-mono text-[12px] text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200';

/** Nothing to compare with: what was tried, why it failed, and how to configure a backend. */
export function NoBackends({
  backends,
  onRefresh,
  refreshing,
}: {
  backends: BackendView[];
  onRefresh: () => void;
  refreshing: boolean;
}) {
  return (
    <section
      data-testid="no-backends"
      aria-labelledby="no-backends-title"
      className="mx-auto w-full max-w-2xl rounded-xl border border-zinc-200 bg-white p-5 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-start gap-3">
        <span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-full bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-400">
          <AlertIcon />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="no-backends-title" className="text-sm font-semibold">
            No backend is reachable
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {backends.length === 0
              ? 'No backend is configured.'
              : `Versus tried ${backends.length === 1 ? 'this backend' : `these ${backends.length} backends`}:`}
          </p>
        </div>
        <Button size="sm" onClick={onRefresh} disabled={refreshing}>
          <RefreshIcon className={`size-3.5 ${refreshing ? 'animate-spin' : ''}`} />
          Try again
        </Button>
      </div>
      {backends.length > 0 && (
        <ul className="mt-3 divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {backends.map((backend) => (
            <li key={backend.id} className="grid gap-0.5 px-3 py-2 text-sm">
              <span className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{backend.label}</span>
                <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  {backend.baseUrl}
                </span>
              </span>
              <span className="text-xs text-red-700 dark:text-red-400">
                {backend.error?.message ?? 'Reachable, but it lists no models.'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4 grid gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          Configure at least one in <code className={code}>.env</code>, then restart Versus:
        </p>
        <ul className="grid gap-1.5 pl-1 text-[13px]">
          <li>
            <code className={code}>OLLAMA_BASE_URL=http://127.0.0.1:11434</code> — a running{' '}
            <code className={code}>ollama serve</code> with a pulled model
          </li>
          <li>
            <code className={code}>OPENAI_API_BASE_URL=http://127.0.0.1:8000/v1</code> (+{' '}
            <code className={code}>OPENAI_API_KEY</code>) — vLLM or another OpenAI-compatible server
          </li>
          <li>
            <code className={code}>DEEPSEEK_API_KEY=sk-…</code> — the DeepSeek API
          </li>
        </ul>
        <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
          No GPU? Run <code className={code}>npm run fake-backends</code> to try Versus against
          scripted local models; it prints the <code className={code}>.env</code> lines to use.
        </p>
      </div>
    </section>
  );
}
