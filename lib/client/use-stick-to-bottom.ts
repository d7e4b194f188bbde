'use client';

import { type RefObject, useCallback, useEffect, useRef } from 'react';

const SLACK_PX = 32;

/**
 * Keeps a scroll container pinned to its bottom while its content grows, but only while the
 * user is already there: scrolling up to read stops the following until they scroll back.
 */
export function useStickToBottom(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
) {
  const stuck = useRef(true);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const onScroll = () => {
      stuck.current =
        scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= SLACK_PX;
    };
    const observer = new ResizeObserver(() => {
      if (stuck.current) scroller.scrollTop = scroller.scrollHeight;
    });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(content);
    scroller.scrollTop = scroller.scrollHeight;
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef, contentRef]);

  /** Jumps to the bottom and follows again (e.g. after sending a prompt). */
  return useCallback(() => {
    const scroller = scrollRef.current;
    stuck.current = true;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [scrollRef]);
}
