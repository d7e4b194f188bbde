import type { ReactNode } from 'react';
import type { SharedConversation } from '@/lib/api/views';

/** A share page's head: what it is, who shared it (if they said), when, and that it is read-only. */
export function ShareHeader({
  title,
  share,
  turns,
  actions,
}: {
  title: string;
  share: SharedConversation['share'];
  turns: number;
  actions?: ReactNode;
}) {
  const facts = [
    share.blind ? 'Blind challenge' : 'Shared comparison',
    share.owner && `by ${share.owner}`,
    // The date as written in ISO: no Intl on the page's load (see the README's Performance).
    share.updatedAt.slice(0, 10),
    `${turns} ${turns === 1 ? 'prompt' : 'prompts'}`,
    'read-only',
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <header className="flex min-h-12 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 py-1.5 sm:px-4 dark:border-zinc-800">
      <span className="shrink-0 text-sm font-bold tracking-tight">Versus</span>
      <span aria-hidden="true" className="h-5 w-px shrink-0 bg-zinc-200 dark:bg-zinc-800" />
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-sm font-semibold" title={title}>
          {title}
        </h1>
        <p
          data-testid="share-facts"
          className="truncate text-[11px] text-zinc-600 dark:text-zinc-400"
        >
          {facts.join(' · ')}
        </p>
      </div>
      {actions}
    </header>
  );
}
