'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import { PlusIcon, SearchIcon } from '@/components/ui/icons';
import type { ConversationSummary } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { notifyConversationsChanged } from '@/lib/client/conversation-events';
import { useConversationList } from '@/lib/client/use-conversation-list';
import { AccountMenu } from './account-menu';
import { SidebarItem } from './sidebar-item';

/** How far below the list's end its remaining conversations are fetched. */
const LOAD_AHEAD_PX = 300;

export function Sidebar({
  initialConversations,
  more,
  account,
}: {
  /** The latest conversations, as many as a tall screen shows. */
  initialConversations: ConversationSummary[];
  /** There are more, fetched when the list is scrolled near its end. */
  more: boolean;
  /** The signed-in account; null in single-user mode (no sign-in). */
  account: { name: string; admin: boolean } | null;
}) {
  const { query, setQuery, conversations, error, loading, complete, loadAll } = useConversationList(
    initialConversations,
    more,
  );
  // The rest of the list (up to 200) is fetched and rendered only when the list is scrolled
  // near its end: rendering 160 more entries right after hydration was a phone's longest work
  // after the page's own, for a drawer that is closed there. In a closed drawer the list skips
  // layout (below), so its end is never in view.
  const listRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const list = listRef.current;
    const end = endRef.current;
    if (complete || !list || !end) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        loadAll();
      },
      { root: list, rootMargin: `0px 0px ${LOAD_AHEAD_PX}px 0px` },
    );
    observer.observe(end);
    return () => observer.disconnect();
  }, [complete, loadAll]);
  const pathname = usePathname();
  const router = useRouter();
  const searchId = useId();

  const remove = async (conversation: ConversationSummary) => {
    if (!window.confirm(`Delete “${conversation.title}” and all its answers?`)) return;
    try {
      await api.deleteConversation(conversation.id);
      if (pathname === `/c/${conversation.id}`) router.push('/');
      notifyConversationsChanged();
    } catch (caught) {
      window.alert(messageOf(caught));
    }
  };

  // The links below are not prefetched (as no conversation is, see SidebarItem): every page is
  // rendered per request, so a prefetch fetched next to nothing (1 KB of route tree, twice per
  // link), while on a phone's page load its fetch() calls alone were 2–3 % of the main thread.
  return (
    <nav aria-label="Conversations" className="flex h-full flex-col">
      <div className="flex h-12 shrink-0 items-center gap-2 px-4">
        <Link
          href="/"
          prefetch={false}
          className="flex items-center gap-2 rounded text-sm font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/60"
        >
          <Logo />
          Versus
        </Link>
      </div>
      <div className="grid gap-2 px-3 pb-3">
        <Link href="/" prefetch={false} className={buttonClass('primary', 'md', 'w-full')}>
          <PlusIcon className="size-3.5" />
          New comparison
        </Link>
        <div className="grid grid-cols-2 gap-2">
          <Link
            href="/battle"
            prefetch={false}
            aria-current={pathname === '/battle' ? 'page' : undefined}
            className={buttonClass('secondary', 'md', 'w-full')}
          >
            Blind battle
          </Link>
          <Link
            href="/leaderboard"
            prefetch={false}
            aria-current={pathname === '/leaderboard' ? 'page' : undefined}
            className={buttonClass('secondary', 'md', 'w-full')}
          >
            Leaderboard
          </Link>
          <Link
            href="/suites"
            prefetch={false}
            aria-current={pathname.startsWith('/suites') ? 'page' : undefined}
            className={buttonClass('secondary', 'md', 'col-span-2 w-full')}
          >
            Prompt suites
          </Link>
        </div>
        <div className="relative">
          <label htmlFor={searchId} className="sr-only">
            Search conversations
          </label>
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-zinc-400" />
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Search titles, models, prompts"
            className="h-8 w-full rounded-md border border-zinc-200 bg-white pr-2 pl-8 text-[13px] outline-none placeholder:text-zinc-500 focus-visible:border-indigo-400 focus-visible:ring-2 focus-visible:ring-indigo-500/30 dark:border-zinc-800 dark:bg-zinc-950 dark:placeholder:text-zinc-400"
          />
        </div>
      </div>
      {/* In the closed drawer of a narrow screen the list (up to 200) skips style and layout
          (content-visibility): it was most of a phone's first layout. The discrete transition
          keeps it shown while the drawer slides out. The list, not the whole drawer: Chromium
          laid a hidden drawer out anyway once the document was parsed. */}
      <div
        ref={listRef}
        className="min-h-0 flex-1 overflow-y-auto px-2 pb-3 max-md:transition-[content-visibility] max-md:transition-discrete max-md:duration-200 max-md:group-data-closed/drawer:[content-visibility:hidden]"
        aria-busy={loading}
      >
        {error && (
          <p
            role="alert"
            className="mx-1 mb-2 rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700 dark:bg-red-950/40 dark:text-red-300"
          >
            {error}
          </p>
        )}
        {conversations.length === 0 ? (
          <p className="px-2.5 py-6 text-center text-xs text-zinc-500 dark:text-zinc-400">
            {query.trim()
              ? `Nothing matches “${query.trim()}”.`
              : 'No comparisons yet. Pick a lineup and send a prompt.'}
          </p>
        ) : (
          <ul className="grid grid-cols-1 gap-0.5">
            {conversations.map((conversation) => (
              <SidebarItem
                key={conversation.id}
                conversation={conversation}
                active={pathname === `/c/${conversation.id}`}
                onDelete={() => void remove(conversation)}
              />
            ))}
          </ul>
        )}
        {!complete && !query.trim() && <div ref={endRef} aria-hidden="true" className="h-px" />}
      </div>
      <AccountMenu account={account} />
    </nav>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true">
      <rect width="20" height="20" rx="5" className="fill-zinc-900 dark:fill-zinc-100" />
      <rect
        x="5"
        y="5"
        width="4"
        height="10"
        rx="1"
        className="fill-indigo-400 dark:fill-indigo-500"
      />
      <rect x="11" y="8" width="4" height="7" rx="1" className="fill-white dark:fill-zinc-900" />
    </svg>
  );
}
