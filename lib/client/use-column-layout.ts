'use client';

import { useCallback, useMemo, useState } from 'react';

/** How the compare grid lays out its columns; a view state, not saved. */
export interface ColumnLayout<T extends { id: string }> {
  /** The columns on show, in lineup order. */
  visible: T[];
  /** Columns hidden for a moment, to be shown again. */
  hidden: T[];
  /** The one widened column, if any. */
  wide: string | null;
  /** CSS grid-template-columns for the visible columns. */
  template: string;
  toggleWide(id: string): void;
  hide(id: string): void;
  show(id: string): void;
}

const NORMAL = 'minmax(17rem, 1fr)';
const WIDE = 'minmax(26rem, 2.5fr)';

/**
 * The columns on show and their widths. One column at a time can be widened (for a long code
 * answer); any can be hidden, except the last one on show. On a narrow screen only the active
 * one shows, as a tab panel.
 */
export function useColumnLayout<T extends { id: string }>(
  slots: readonly T[],
  narrow: { active: number } | null,
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
    const active = narrow ? slots[Math.min(narrow.active, slots.length - 1)] : undefined;
    const visible = active ? [active] : slots.filter((slot) => !hiddenIds.has(slot.id));
    const hidden = active ? [] : slots.filter((slot) => hiddenIds.has(slot.id));
    const template = active
      ? 'minmax(0, 1fr)'
      : visible.map((slot) => (slot.id === wide ? WIDE : NORMAL)).join(' ');
    return { visible, hidden, wide, template, toggleWide, hide, show };
  }, [slots, narrow, hiddenIds, wide, toggleWide, hide, show]);
}
