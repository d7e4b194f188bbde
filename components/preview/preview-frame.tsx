'use client';

import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { CloseIcon, ExpandIcon, RefreshIcon } from '@/components/ui/icons';
import { previewSandbox } from '@/lib/client/html-preview';
import { useFitWidth } from '@/lib/client/use-fit-width';
import { usePreviewDialogs } from '@/lib/client/use-preview-dialogs';

/**
 * The least page size an in-column preview lays out at, scaled down to a narrower column:
 * models' games draw on canvases of about 400 × 400, wider than a column can be.
 */
const FIT = { width: 440, height: 460 };

/**
 * Model-written HTML, running in a sandboxed iframe: scripts run, but in an opaque origin (no
 * `allow-same-origin`), so it cannot touch the app's DOM, cookies, storage or API, and its CSP
 * (in the srcdoc) keeps it off the network. No `allow-popups`, `allow-top-navigation`,
 * `allow-forms` or `allow-modals`: it cannot open windows, move the app or block it with alerts
 * (what it alerts shows above the frame instead).
 */
export function PreviewFrame({
  srcDoc,
  title,
  className = '',
  fit = false,
  onReload,
  onClose,
  testId = 'preview',
}: {
  srcDoc: string;
  title: string;
  className?: string;
  /** Inside a column: lay the page out at FIT's size and scale it to the column's width. */
  fit?: boolean;
  /** Gives the frame a fresh document (e.g. the answer's latest text); it reloads either way. */
  onReload?: () => void;
  onClose?: () => void;
  testId?: string;
}) {
  const [generation, setGeneration] = useState(0);
  const [full, setFull] = useState(false);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const { dialog, dismiss } = usePreviewDialogs(frameRef, generation);
  const fitted = useFitWidth(FIT.width, fit && !full);

  useEffect(() => {
    if (!full) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setFull(false);
      }
    };
    // Capture: runs before the compare view's "Escape stops all generations".
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [full]);

  const scaled = fit && !full;
  // Full size is `position: fixed` in place (no ancestor transforms it), so the running page is
  // not reloaded the way moving the iframe elsewhere in the DOM would.
  return (
    <div
      data-testid={testId}
      data-full={full || undefined}
      className={
        full
          ? 'fixed inset-0 z-50 flex flex-col bg-white dark:bg-zinc-950'
          : `flex min-h-0 flex-col bg-white dark:bg-zinc-950 ${className}`
      }
    >
      <div className="flex h-8 shrink-0 items-center gap-1 border-b border-zinc-200 px-2 dark:border-zinc-800">
        <span className="min-w-0 flex-1 truncate text-[11px] font-medium text-zinc-600 dark:text-zinc-400">
          {title}
          <span className="font-normal max-sm:hidden">
            {' '}
            · sandboxed · click it to give it the keyboard
          </span>
        </span>
        <button
          type="button"
          data-testid="preview-reload"
          onClick={() => {
            onReload?.();
            setGeneration((value) => value + 1);
          }}
          className={buttonClass('ghost', 'sm', 'h-6 px-1.5 text-[11px]')}
        >
          <RefreshIcon className="size-3.5" />
          Reload
        </button>
        <button
          type="button"
          data-testid="preview-full"
          aria-pressed={full}
          onClick={() => setFull(!full)}
          className={buttonClass('ghost', 'sm', 'h-6 px-1.5 text-[11px]')}
        >
          <ExpandIcon className="size-3.5" />
          {full ? 'Exit full size' : 'Full size'}
        </button>
        {onClose && (
          <button
            type="button"
            aria-label="Close preview"
            onClick={onClose}
            className={buttonClass('ghost', 'icon', 'size-6')}
          >
            <CloseIcon className="size-3.5" />
          </button>
        )}
      </div>
      {dialog && (
        <div
          role="status"
          data-testid="preview-dialog"
          className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-[13px] text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <span className="min-w-0 flex-1 break-words">
            <span className="font-medium">The page says: </span>
            {dialog.text || '(nothing)'}
            {dialog.count > 1 && (
              <span className="text-amber-800 dark:text-amber-300"> ×{dialog.count}</span>
            )}
          </span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={dismiss}
            className={buttonClass('ghost', 'icon', 'size-6 text-amber-900 dark:text-amber-200')}
          >
            <CloseIcon className="size-3.5" />
          </button>
        </div>
      )}
      <div
        ref={fitted.ref}
        className={scaled ? 'relative overflow-hidden' : 'flex min-h-0 flex-1 flex-col'}
        style={scaled ? { height: FIT.height * fitted.scale } : undefined}
      >
        <iframe
          ref={frameRef}
          key={generation}
          title={title}
          sandbox={previewSandbox}
          srcDoc={srcDoc}
          referrerPolicy="no-referrer"
          className={
            scaled
              ? 'absolute top-0 left-0 origin-top-left border-0 bg-white'
              : 'min-h-0 w-full flex-1 border-0 bg-white'
          }
          style={
            scaled
              ? {
                  width: fitted.width,
                  height: FIT.height,
                  transform: `scale(${fitted.scale})`,
                }
              : undefined
          }
        />
      </div>
    </div>
  );
}
