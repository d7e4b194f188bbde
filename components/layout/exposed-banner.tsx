import { AlertIcon } from '@/components/ui/icons';

/** Shown on every page while Versus listens beyond loopback without accounts. */
export function ExposedBanner({ host }: { host: string }) {
  return (
    <div
      role="alert"
      className="flex shrink-0 items-center gap-2 border-b border-amber-300 bg-amber-100 px-4 py-1.5 text-xs text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <AlertIcon className="size-3.5 shrink-0" />
      <p>
        Versus is listening on <code className="font-mono font-semibold">{host}</code> without
        accounts; anyone who can reach it can read every conversation and use your API keys. Set{' '}
        <code className="font-mono">HOST=127.0.0.1</code> to keep it local.
      </p>
    </div>
  );
}
