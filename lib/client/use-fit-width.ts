'use client';

import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * Fits a page that needs at least `minWidth` pixels into an element: the width to lay the page
 * out at (the element's own, or `minWidth` where the element is narrower) and the scale that
 * brings that back to the element's width. Kept up to date as the element resizes.
 */
export function useFitWidth(
  minWidth: number,
  active: boolean,
): { ref: RefObject<HTMLDivElement | null>; width: number; scale: number } {
  const ref = useRef<HTMLDivElement>(null);
  const [available, setAvailable] = useState(minWidth);
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setAvailable(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active]);
  const width = Math.max(minWidth, available);
  return { ref, width, scale: available > 0 ? available / width : 1 };
}
