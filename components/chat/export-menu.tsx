'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { DownloadIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';

const FORMATS = [
  {
    format: 'markdown',
    label: 'Markdown',
    hint: 'To read or paste: answers on show, reasoning folded.',
  },
  {
    format: 'json',
    label: 'JSON',
    hint: 'Everything, every attempt: import it here or on another Versus.',
  },
] as const;

/**
 * Downloads of the conversation: plain links, so the browser saves the server's file (its name
 * from Content-Disposition) without holding it in the page. Not shown while a battle is blind.
 */
export function ExportMenu({ conversationId }: { conversationId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      align="end"
      label="Export this conversation"
      trigger={(props) => (
        <button
          type="button"
          {...props}
          data-testid="export-menu"
          title="Download this conversation"
          // Downloads are for a computer; on a phone the header keeps room for the title.
          className={buttonClass('ghost', 'sm', 'max-sm:hidden')}
        >
          <DownloadIcon className="size-3.5" />
          <span className="max-sm:sr-only">Export</span>
        </button>
      )}
    >
      <ul className="grid gap-1">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <a
              href={`/api/conversations/${encodeURIComponent(conversationId)}/export?format=${format}`}
              download
              data-testid={`export-${format}`}
              onClick={() => setOpen(false)}
              className="block rounded-md px-2 py-1.5 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500/70 focus-visible:outline-none dark:hover:bg-zinc-800"
            >
              <span className="block text-sm font-medium">{label}</span>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </Popover>
  );
}
