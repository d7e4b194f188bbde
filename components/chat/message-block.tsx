'use client';

import { useCallback, useRef } from 'react';
import { AnswerSourceContext } from '@/components/markdown/answer-source';
import { Markdown } from '@/components/markdown/markdown';
import { CopyButton } from '@/components/ui/copy-button';
import type { RunMode } from '@/lib/api/inputs';
import { isRunning } from '@/lib/api/message-status';
import type { BackendKind } from '@/lib/backends/types';
import { useMessageMeta, useMessageStore, useMessageText } from '@/lib/client/use-message';
import { useMessageStream } from '@/lib/client/use-message-stream';
import { Reasoning } from './reasoning';

/** What to say where the answer would be, while there is none. */
function placeholder(status: string, runMode: RunMode, thinking: boolean): string | null {
  switch (status) {
    case 'pending':
      if (thinking) return null;
      return runMode === 'sequential'
        ? 'Queued: runs when the models before it finish.'
        : 'Waiting for the first token…';
    case 'streaming':
      return thinking ? null : 'Waiting for the first token…';
    case 'stopped':
      return thinking ? 'Stopped before the answer.' : 'Stopped before any text arrived.';
    case 'done':
      return 'The model returned an empty answer.';
    default:
      return null;
  }
}

/** One answer: reasoning above content, live from its own event stream. */
export function MessageBlock({
  id,
  latest,
  runMode,
  backendKind,
}: {
  id: string;
  latest: boolean;
  runMode: RunMode;
  backendKind: BackendKind | null;
}) {
  useMessageStream(id);
  const store = useMessageStore();
  const meta = useMessageMeta(id);
  const text = useMessageText(id);
  // Code blocks read the whole answer only when asked (a preview), not on every token.
  const contentRef = useRef('');
  const readContent = useCallback(() => contentRef.current, []);
  if (!meta) return null;

  // Models often open with blank lines (after `<think>` or `</think>`); they carry nothing.
  const content = text.content.replace(/^\n+/, '');
  contentRef.current = content;
  const reasoning = text.reasoning.replace(/^\n+/, '');
  const waiting = content ? null : placeholder(meta.status, runMode, reasoning.length > 0);
  const running = isRunning(meta.status);
  // An R1 distill behind an OpenAI-compatible server without a reasoning parser sends its trace
  // as answer text until a bare `</think>`: until the stream has told which it is, the text is
  // not shown as an answer (no answer styling, nothing to copy as the answer).
  const undecided = meta.tentative && content.length > 0 && backendKind === 'openai';

  return (
    <div className="min-w-0">
      {reasoning && (
        <Reasoning
          key={meta.epoch}
          text={reasoning}
          status={meta.status}
          reasoningMs={meta.metrics.reasoningMs}
          answering={content.length > 0}
        />
      )}
      {undecided && (
        <p
          data-testid="undecided-note"
          className="mb-1 text-xs text-zinc-600 dark:text-zinc-400"
          title="An R1 distill without a reasoning parser sends its reasoning as plain text, ending it with a bare </think>. Until that tag (or the end of the answer) arrives, this text may be either."
        >
          {running
            ? 'Reasoning or answer? Not known until the model closes its trace.'
            : 'Cut off before the model told its reasoning from its answer.'}
        </p>
      )}
      <AnswerSourceContext.Provider value={readContent}>
        <Markdown
          testId="message-content"
          text={content}
          className={
            undecided
              ? 'markdown-reasoning border-l-2 border-dashed border-zinc-300 pl-3 text-[13px] leading-relaxed break-words text-zinc-600 dark:border-zinc-700 dark:text-zinc-400'
              : 'text-sm leading-relaxed break-words text-zinc-800 dark:text-zinc-200'
          }
        />
      </AnswerSourceContext.Provider>
      {content && !running && !undecided && (
        <div className="mt-1 -ml-1.5 flex">
          <CopyButton
            text={readContent}
            label="Copy answer"
            title="Copy the answer as Markdown"
            testId="copy-answer"
            className="text-zinc-500 dark:text-zinc-400"
          />
        </div>
      )}
      {waiting && (
        <p className={`text-sm text-zinc-500 dark:text-zinc-400 ${running ? 'animate-pulse' : ''}`}>
          {waiting}
        </p>
      )}
      {meta.error && (
        <div
          role="alert"
          data-testid={latest ? 'column-error' : 'message-error'}
          className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300"
        >
          <p className="mb-0.5 font-mono text-[10.5px] tracking-wide text-red-700 uppercase dark:text-red-400">
            {meta.error.code.replaceAll('_', ' ')}
          </p>
          <p>{meta.error.message}</p>
        </div>
      )}
      {meta.status === 'interrupted' && !meta.error && (
        <p
          role="alert"
          className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-[13px] text-amber-900 dark:bg-amber-950/40 dark:text-amber-300"
        >
          The server stopped while this answer was being generated. Retry to run it again.
        </p>
      )}
      {running && meta.connection === 'reconnecting' && (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          Connection dropped; reconnecting…
        </p>
      )}
      {running && meta.connection === 'lost' && (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          Live updates stopped.{' '}
          <button
            type="button"
            onClick={() => store.reconnect(id)}
            className="rounded font-medium text-indigo-600 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500/60 dark:text-indigo-400"
          >
            Reconnect
          </button>
        </p>
      )}
    </div>
  );
}
