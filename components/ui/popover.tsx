'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A panel anchored under its trigger. Closes on Escape (without letting the page see that
 * Escape, which would stop generations) and on a click outside.
 */
export function Popover({
  open,
  onOpenChange,
  trigger,
  children,
  align = 'start',
  label,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: (props: {
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick: () => void;
  }) => ReactNode;
  children: ReactNode;
  align?: 'start' | 'end';
  label: string;
}) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, onOpenChange]);

  return (
    <div ref={root} className="relative">
      {trigger({ 'aria-expanded': open, 'aria-controls': id, onClick: () => onOpenChange(!open) })}
      {open && (
        <div
          id={id}
          role="dialog"
          aria-label={label}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            onOpenChange(false);
            root.current?.querySelector<HTMLElement>('[aria-controls]')?.focus();
          }}
          className={`absolute top-full z-30 mt-1.5 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-zinc-200 bg-white p-3 shadow-lg shadow-zinc-900/10 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/40 ${align === 'end' ? 'right-0' : 'left-0'}`}
        >
          {children}
        </div>
      )}
    </div>
  );
}
