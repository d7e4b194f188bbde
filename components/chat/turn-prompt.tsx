'use client';

import { useState } from 'react';

const LONG = 240;

/**
 * The user's prompt, once above the row of answers, folded when long. It spans every column;
 * its text stays at the left edge of the screen when the grid scrolls sideways, and on wide
 * screens the prompt stays under the column headers while its row's answers scroll by.
 */
export function TurnPrompt({ index, prompt }: { index: number; prompt: string }) {
  const long = prompt.length > LONG || prompt.split('\n').length > 4;
  const [expanded, setExpanded] = useState(false);
  return (
    <div
      data-testid="turn-prompt"
      className="col-span-full border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 md:sticky md:top-[57px] md:z-[5] dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="sticky left-4 w-fit max-w-[min(56rem,calc(100vw-2rem))]">
        <p className="mb-0.5 text-[10.5px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Prompt {index + 1}
        </p>
        <p
          className={`text-[13px] leading-relaxed whitespace-pre-wrap break-words text-zinc-800 dark:text-zinc-200 ${long && !expanded ? 'line-clamp-3' : ''}`}
        >
          {prompt}
        </p>
        {long && (
          <button
            type="button"
            onClick={() => setExpanded(!expanded)}
            aria-expanded={expanded}
            className="mt-1 rounded text-[11px] font-medium text-zinc-600 outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:text-zinc-400 dark:hover:text-zinc-200"
          >
            {expanded ? 'Show less' : 'Show all'}
          </button>
        )}
      </div>
    </div>
  );
}
