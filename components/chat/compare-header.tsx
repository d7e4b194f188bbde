'use client';

import type { ReactNode } from 'react';
import { SidebarButton } from '@/components/layout/app-shell';
import type { RunMode } from '@/lib/api/inputs';
import { RunModeToggle, runModeExplanation } from './run-mode-toggle';

export function CompareHeader({
  title,
  runMode,
  onRunModeChange,
  actions,
}: {
  title: string;
  runMode: RunMode;
  /** Null where the run mode is not the user's to choose (a battle's is set when it starts). */
  onRunModeChange: ((runMode: RunMode) => void) | null;
  /** Extra controls before the run mode (e.g. "Preview all"). */
  actions?: ReactNode;
}) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-200 px-3 sm:px-4 dark:border-zinc-800">
      <SidebarButton />
      <h1 className="min-w-0 flex-1 truncate text-sm font-semibold" title={title}>
        {title}
      </h1>
      {actions}
      {onRunModeChange && (
        <div className="flex shrink-0 items-center gap-2" title={runModeExplanation[runMode]}>
          <span className="text-xs text-zinc-500 max-sm:hidden dark:text-zinc-400">Run mode</span>
          <RunModeToggle value={runMode} onChange={onRunModeChange} explain={false} />
        </div>
      )}
    </header>
  );
}
