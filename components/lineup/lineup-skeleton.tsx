/** Placeholder cards while the backends are asked for their models. */
export function LineupSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite" className="grid gap-3">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Asking the backends for their models…
      </p>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-3">
        {[0, 1].map((index) => (
          <div
            key={index}
            className="h-44 animate-pulse rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
          />
        ))}
      </div>
    </div>
  );
}
