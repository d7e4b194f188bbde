'use client';

import { useState } from 'react';

const LONG = 240;

/** The user's prompt above each answer, folded when long so columns stay about answers. */
export function TurnPrompt({ index, prompt }: { index: number; prompt: string }) {
  const long = prompt.length > LONG || prompt.split('\n').length > 4;
  const [expanded, setExpanded] = useState(false);
  return (
    <div className="mb-3 rounded-md bg-zinc-100/80 px-3 py-2 dark:bg-zinc-900">
      <p className="mb-0.5 text-[10.5px] font-medium tracking-wide text-zinc-400 uppercase dark:text-zinc-500">
        Prompt {index + 1}
      </p>
      <p
        className={`text-[13px] leading-relaxed whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300 ${long && !expanded ? 'line-clamp-3' : ''}`}
      >
        {prompt}
      </p>
      {long && (
        <button
          type="button"
          onClick={() => setExpanded(!expanded)}
          aria-expanded={expanded}
          className="mt-1 rounded text-[11px] font-medium text-zinc-500 outline-none hover:text-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:hover:text-zinc-200"
        >
          {expanded ? 'Show less' : 'Show all'}
        </button>
      )}
    </div>
  );
}
