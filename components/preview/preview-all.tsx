'use client';

import { type CSSProperties, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CloseIcon, PlayIcon } from '@/components/ui/icons';
import { isRunning } from '@/lib/api/message-status';
import { previewOfAnswer } from '@/lib/client/html-preview';
import { useMessageContents, useMessageMetas } from '@/lib/client/use-message';
import { PreviewFrame } from './preview-frame';

const htmlFence = /^ {0,3}(`{3,}|~{3,})[ \t]*(html|htm|xhtml|svg)\b/im;

/** A column's preview: its document, none (no HTML), or not yet (the answer still streams). */
type Preview = string | null | 'streaming';

/**
 * "Preview all": the HTML of every column's latest answer, running side by side at the same
 * size. Each preview is a snapshot taken when opened (or reloaded), so streaming tokens do not
 * restart a running game.
 */
export function PreviewAll({
  columns,
  messageIds,
}: {
  columns: { id: string; label: string }[];
  messageIds: string[];
}) {
  const contents = useMessageContents(messageIds);
  const metas = useMessageMetas(messageIds);
  const [previews, setPreviews] = useState<Preview[] | null>(null);
  const open = previews !== null;
  const streaming = metas.map((meta) => meta !== undefined && isRunning(meta.status));

  /** Every column's preview, from the answers as they are now. */
  const build = () =>
    Promise.all(
      contents.map((content, index) =>
        streaming[index] ? ('streaming' as const) : previewOfAnswer(content),
      ),
    ).then(setPreviews);

  // An answer that was still streaming when the previews opened gets its preview when it ends.
  const ended = previews?.findIndex(
    (preview, index) => preview === 'streaming' && !streaming[index],
  );
  useEffect(() => {
    if (ended === undefined || ended < 0) return;
    void previewOfAnswer(contents[ended] ?? '').then((built) =>
      setPreviews((now) => now?.map((value, at) => (at === ended ? built : value)) ?? null),
    );
  }, [ended, contents]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      event.stopPropagation();
      setPreviews(null);
    };
    // Capture on document: after a full-size preview's own Escape (window, capture), before
    // the compare view's "Escape stops all generations" (window, bubble).
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open]);

  if (!contents.some((content) => htmlFence.test(content))) return null;

  return (
    <>
      <Button
        size="sm"
        data-testid="preview-all-button"
        title="Run every column's HTML side by side"
        onClick={() => void build()}
      >
        <PlayIcon className="size-3.5" />
        {/* A phone's header has room for the title, not for every label. */}
        <span className="max-sm:sr-only">Preview all</span>
      </Button>
      {previews && (
        <div
          role="dialog"
          aria-modal="true"
          aria-label="Previews of every answer's HTML"
          data-testid="preview-all"
          className="fixed inset-0 z-40 flex flex-col bg-zinc-100 dark:bg-zinc-900"
        >
          <div className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white px-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-950">
            <h2 className="min-w-0 flex-1 truncate text-sm font-semibold">
              Preview all
              <span className="font-normal text-zinc-500 max-sm:hidden dark:text-zinc-400">
                {' '}
                · each answer's HTML, sandboxed, side by side
              </span>
            </h2>
            <Button size="sm" onClick={() => void build()}>
              Reload all
            </Button>
            <Button
              size="icon"
              variant="ghost"
              aria-label="Close previews"
              data-testid="preview-all-close"
              onClick={() => setPreviews(null)}
            >
              <CloseIcon />
            </Button>
          </div>
          <div
            className="grid min-h-0 flex-1 grid-cols-1 gap-3 overflow-y-auto p-3 max-md:auto-rows-[minmax(28rem,1fr)] md:grid-cols-[repeat(var(--columns),minmax(0,1fr))]"
            style={{ '--columns': columns.length } as CSSProperties}
          >
            {columns.map((column, index) => {
              const srcDoc = previews[index];
              return (
                <div
                  key={column.id}
                  className="flex min-h-0 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-950"
                >
                  {srcDoc && srcDoc !== 'streaming' ? (
                    <PreviewFrame
                      srcDoc={srcDoc}
                      title={column.label}
                      className="flex-1"
                      testId="preview-all-frame"
                      onReload={() =>
                        previewOfAnswer(contents[index] ?? '').then((reloaded) =>
                          setPreviews(
                            (current) =>
                              current?.map((value, at) => (at === index ? reloaded : value)) ??
                              null,
                          ),
                        )
                      }
                    />
                  ) : (
                    <>
                      <p className="border-b border-zinc-200 px-3 py-2 text-[11px] font-medium text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                        {column.label}
                      </p>
                      <p
                        data-testid="preview-all-empty"
                        className="m-auto px-6 text-center text-sm text-zinc-600 dark:text-zinc-400"
                      >
                        {srcDoc === 'streaming'
                          ? 'This answer is still being written. Its preview opens here when it ends.'
                          : 'No HTML code block in this answer.'}
                      </p>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}
