'use client';

import Link from 'next/link';
import { TrashIcon } from '@/components/ui/icons';
import type { ConversationSummary } from '@/lib/api/views';

const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

function ago(iso: string): string {
  const date = new Date(iso);
  const seconds = (Date.now() - date.getTime()) / 1000;
  if (seconds < 60) return 'now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 86_400 * 7) return `${Math.floor(seconds / 86_400)}d`;
  // Not toLocaleDateString: Intl's first use costs a page load 30–50 ms (see group-digits.ts).
  return `${months[date.getMonth()]} ${date.getDate()}`;
}

export function SidebarItem({
  conversation,
  active,
  onDelete,
}: {
  conversation: ConversationSummary;
  active: boolean;
  onDelete: () => void;
}) {
  const models = conversation.models.join(' vs ');
  const titled = conversation.title !== models;
  return (
    <li className="group relative">
      <Link
        href={`/c/${conversation.id}`}
        // Not prefetched: a conversation is rendered when asked for, so a prefetch gets next to
        // nothing, and the list (up to 200) sent one request per link on every page load.
        prefetch={false}
        data-testid="sidebar-conversation"
        aria-current={active ? 'page' : undefined}
        className={`block rounded-md px-2.5 py-2 pr-8 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-indigo-500/60 ${
          active
            ? 'bg-white shadow-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:ring-zinc-700'
            : 'hover:bg-zinc-200/50 dark:hover:bg-zinc-800/60'
        }`}
      >
        <span className="flex items-baseline gap-2">
          <span
            className={`min-w-0 flex-1 truncate text-[13px] ${active ? 'font-medium text-zinc-900 dark:text-zinc-50' : 'text-zinc-700 dark:text-zinc-300'}`}
          >
            {conversation.title}
          </span>
          <time
            dateTime={conversation.updatedAt}
            suppressHydrationWarning
            className="shrink-0 text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400"
          >
            {ago(conversation.updatedAt)}
          </time>
        </span>
        <span className="mt-1 flex items-center gap-1.5">
          <span
            className={`shrink-0 rounded px-1 py-px text-[10px] font-medium uppercase tracking-wide ${
              conversation.mode === 'battle'
                ? 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300'
                : 'bg-zinc-200/70 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
            }`}
          >
            {conversation.mode}
          </span>
          <span className="min-w-0 truncate font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
            {titled ? models : `${conversation.models.length} models`}
          </span>
        </span>
      </Link>
      <button
        type="button"
        onClick={onDelete}
        aria-label={`Delete “${conversation.title}”`}
        className="absolute top-2 right-1.5 grid size-6 place-items-center rounded text-zinc-500 opacity-0 outline-none transition hover:bg-zinc-200 hover:text-red-600 focus-visible:opacity-100 focus-visible:ring-2 focus-visible:ring-indigo-500/60 group-hover:opacity-100 pointer-coarse:opacity-100 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-red-400"
      >
        <TrashIcon className="size-3.5" />
      </button>
    </li>
  );
}
