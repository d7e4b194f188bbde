import type { ReactNode } from 'react';

/** A box that scrolls sideways on a narrow screen, focusable so a keyboard can scroll it too. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll it.
      tabIndex={0}
    >
      {children}
    </section>
  );
}
