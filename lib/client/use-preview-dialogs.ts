'use client';

import { type RefObject, useCallback, useEffect, useState } from 'react';
import type { PreviewDialog } from './preview-prelude';

const MAX_TEXT = 500;

function dialogOf(data: unknown): PreviewDialog | null {
  if (typeof data !== 'object' || data === null) return null;
  const { versusPreview, text } = data as Record<string, unknown>;
  if (versusPreview !== 'alert' && versusPreview !== 'confirm' && versusPreview !== 'prompt') {
    return null;
  }
  return { versusPreview, text: typeof text === 'string' ? text.slice(0, MAX_TEXT) : '' };
}

/**
 * The latest alert, confirm or prompt of the page in `frame` (its prelude posts them), and how
 * many in a row said the same. Messages from anything but that frame are ignored. A reload
 * (`generation`) starts over.
 */
export function usePreviewDialogs(frame: RefObject<HTMLIFrameElement | null>, generation: number) {
  const [dialog, setDialog] = useState<{ text: string; count: number } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reload clears what was said.
  useEffect(() => {
    setDialog(null);
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const said = dialogOf(event.data);
      if (!said) return;
      setDialog((now) =>
        now?.text === said.text ? { ...now, count: now.count + 1 } : { text: said.text, count: 1 },
      );
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame, generation]);
  return { dialog, dismiss: useCallback(() => setDialog(null), []) };
}
