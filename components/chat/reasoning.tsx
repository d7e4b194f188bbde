'use client';

import { useId, useState } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import { ChevronIcon } from '@/components/ui/icons';
import { isFinal } from '@/lib/api/message-status';
import type { MessageStatus } from '@/lib/api/views';
import { formatDuration } from './format';

function label(status: MessageStatus, reasoningMs: number | null, answering: boolean): string {
  const running = !isFinal(status);
  if (running && !answering) {
    return reasoningMs === null ? 'Thinking…' : `Thinking… ${formatDuration(reasoningMs)}`;
  }
  if (reasoningMs !== null) return `Thought for ${formatDuration(reasoningMs)}`;
  if (running || status === 'done') return 'Reasoning';
  return `Reasoning (${status} before the answer)`;
}

/**
 * The reasoning trace: open while the message runs, folded to "Thought for 12.4 s" once it
 * is final, unless the user opened or closed it themselves.
 */
export function Reasoning({
  text,
  status,
  reasoningMs,
  answering,
}: {
  text: string;
  status: MessageStatus;
  reasoningMs: number | null;
  answering: boolean;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? !isFinal(status);
  const thinking = !isFinal(status) && !answering;

  return (
    <div className="mb-3">
      <button
        type="button"
        data-testid="reasoning-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setChosen(!open)}
        className="group flex items-center gap-1.5 rounded text-xs text-zinc-500 outline-none hover:text-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:text-zinc-400 dark:hover:text-zinc-200"
      >
        <ChevronIcon className={`size-3 transition-transform ${open ? 'rotate-90' : ''}`} />
        <span className={`font-medium tabular-nums ${thinking ? 'animate-pulse' : ''}`}>
          {label(status, reasoningMs, answering)}
        </span>
      </button>
      {open ? (
        <Markdown
          id={id}
          testId="message-reasoning"
          text={text}
          className="markdown-reasoning mt-1.5 border-l-2 border-zinc-200 pl-3 text-[13px] leading-relaxed break-words text-zinc-500 dark:border-zinc-800 dark:text-zinc-400"
        />
      ) : (
        // Rendered when opened: a long conversation's folded traces would double its page.
        <div id={id} hidden />
      )}
    </div>
  );
}
