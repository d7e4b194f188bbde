'use client';

import { type ReactNode, useId } from 'react';
import { SendIcon } from '@/components/ui/icons';

/**
 * The prompt box. Enter sends, Shift+Enter adds a line; typing stays possible while a turn
 * runs, only sending waits.
 */
export function Composer({
  value,
  onChange,
  onSubmit,
  canSend,
  sending,
  placeholder,
  hint,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  canSend: boolean;
  sending: boolean;
  placeholder: string;
  hint?: ReactNode;
  error?: string | null;
}) {
  const id = useId();
  const ready = canSend && !sending && value.trim().length > 0;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onSubmit();
      }}
      className="shrink-0 border-t border-zinc-200 bg-white/90 px-3 pt-3 pb-2 backdrop-blur sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/90"
    >
      {error && (
        <p
          role="alert"
          className="mb-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-700 dark:bg-red-950/40 dark:text-red-300"
        >
          {error}
        </p>
      )}
      <div className="flex items-end gap-2 rounded-lg border border-zinc-200 bg-white p-1.5 shadow-xs transition-colors focus-within:border-indigo-400 focus-within:ring-2 focus-within:ring-indigo-500/20 dark:border-zinc-800 dark:bg-zinc-900">
        <label htmlFor={id} className="sr-only">
          Prompt
        </label>
        <textarea
          id={id}
          data-testid="composer-input"
          rows={1}
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            if (ready) onSubmit();
          }}
          className="field-sizing-content max-h-48 min-h-9 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm leading-6 outline-none placeholder:text-zinc-500 dark:placeholder:text-zinc-400"
        />
        <button
          type="submit"
          data-testid="send-button"
          disabled={!ready}
          aria-label={sending ? 'Sending' : 'Send to all'}
          className="grid size-9 shrink-0 place-items-center rounded-md bg-zinc-900 text-white outline-none transition-colors hover:bg-zinc-700 focus-visible:ring-2 focus-visible:ring-indigo-500/70 disabled:bg-zinc-200 disabled:text-zinc-400 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white dark:disabled:bg-zinc-800 dark:disabled:text-zinc-600"
        >
          <SendIcon className={sending ? 'animate-pulse' : ''} />
        </button>
      </div>
      <p className="mt-1.5 px-1 text-[11px] text-zinc-500 dark:text-zinc-400">
        {hint ?? (
          <>
            <kbd className="font-sans">Enter</kbd> sends ·{' '}
            <kbd className="font-sans">Shift+Enter</kbd> new line
          </>
        )}
      </p>
    </form>
  );
}
