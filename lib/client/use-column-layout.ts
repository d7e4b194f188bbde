'use client';

import { useCallback, useMemo, useState } from 'react';

/** How the compare grid lays out its columns; a view state, not saved. */
export interface ColumnLayout<T extends { id: string }> {
  /** The columns in the grid, in lineup order (on a narrow screen, CSS shows one of them). */
  visible: T[];
  /** Columns hidden for a moment, to be shown again. */
  hidden: T[];
  /** The one widened column, if any. */
  wide: string | null;
  /** CSS grid-template-columns for the visible columns on a wide screen. */
  template: string;
  toggleWide(id: string): void;
  hide(id: string): void;
  show(id: string): void;
}

const NORMAL = 'minmax(17rem, 1fr)';
const WIDE = 'minmax(26rem, 2.5fr)';

/**
 * The columns on show and their widths. One column at a time can be widened (for a long code
 * answer); any can be hidden, except the last one on show. On a narrow screen every column is
 * in the grid and CSS shows the active tab's, so the server's HTML (which cannot know the
 * screen) is already laid out right and nothing moves once the page knows its width.
 */
export function useColumnLayout<T extends { id: string }>(
  slots: T[],
  narrow: boolean,
): ColumnLayout<T> {
  const [wide, setWide] = useState<string | null>(null);
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<string>>(new Set());

  const toggleWide = useCallback((id: string) => setWide((now) => (now === id ? null : id)), []);
  const hide = useCallback(
    (id: string) =>
      setHiddenIds((now) => {
        const next = new Set(now).add(id);
        return slots.every((slot) => next.has(slot.id)) ? now : next;
      }),
    [slots],
  );
  const show = useCallback(
    (id: string) =>
      setHiddenIds((now) => {
        const next = new Set(now);
        next.delete(id);
        return next;
      }),
    [],
  );

  return useMemo(() => {
    // `slots` itself while nothing is hidden: turn rows get the same array when the page learns
    // that the screen is narrow, and need not render again.
    const everyColumn = narrow || hiddenIds.size === 0;
    const visible = everyColumn ? slots : slots.filter((slot) => !hiddenIds.has(slot.id));
    const hidden = everyColumn ? [] : slots.filter((slot) => hiddenIds.has(slot.id));
    const template = visible.map((slot) => (slot.id === wide ? WIDE : NORMAL)).join(' ');
    return { visible, hidden, wide, template, toggleWide, hide, show };
  }, [slots, narrow, hiddenIds, wide, toggleWide, hide, show]);
}
