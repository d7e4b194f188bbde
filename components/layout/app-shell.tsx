'use client';

import { usePathname } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { MenuIcon } from '@/components/ui/icons';

const SidebarToggle = createContext<() => void>(() => {});

/** Sidebar beside the page; on narrow screens a drawer that pages open from their header. */
export function AppShell({ sidebar, children }: { sidebar: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: navigating closes the drawer.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <SidebarToggle.Provider value={() => setOpen(true)}>
      <div className="flex min-h-0 flex-1">
        {open && (
          <button
            type="button"
            aria-label="Close conversations"
            onClick={() => setOpen(false)}
            className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px] md:hidden"
          />
        )}
        <aside
          aria-label="Conversations"
          data-closed={open ? undefined : ''}
          className={`group/drawer fixed inset-y-0 left-0 z-50 w-72 border-r border-zinc-200 bg-zinc-50 transition-[transform,visibility] duration-200 md:static md:visible md:z-auto md:w-64 md:translate-x-0 md:transition-none lg:w-72 dark:border-zinc-800 dark:bg-zinc-900/60 max-md:dark:bg-zinc-900 ${open ? 'visible translate-x-0 shadow-2xl' : 'invisible -translate-x-full'}`}
        >
          {sidebar}
        </aside>
        <main className="flex min-w-0 flex-1 flex-col">{children}</main>
      </div>
    </SidebarToggle.Provider>
  );
}

/** Opens the sidebar drawer; shown on narrow screens only. */
export function SidebarButton() {
  const open = useContext(SidebarToggle);
  return (
    <button
      type="button"
      onClick={open}
      aria-label="Show conversations"
      className={buttonClass('ghost', 'icon', '-ml-1 md:hidden')}
    >
      <MenuIcon />
    </button>
  );
}
