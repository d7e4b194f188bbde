import type { ReactNode } from 'react';
import { SidebarButton } from './app-shell';

/** A page's top bar: the sidebar button on a phone, the title, then the page's own controls. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 sm:px-4 dark:border-zinc-800">
      <SidebarButton />
      <h1 className="text-sm font-semibold">{title}</h1>
      {children && <div className="ml-auto min-w-0">{children}</div>}
    </header>
  );
}
