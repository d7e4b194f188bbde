'use client';

import { useId, useState } from 'react';
import { PreviewFrame } from '@/components/preview/preview-frame';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { PlayIcon } from '@/components/ui/icons';
import { isHtmlLanguage, previewOfBlock } from '@/lib/client/html-preview';
import { useAnswerSource } from './answer-source';
import { grammarOf } from './grammars';
import { highlighterFor } from './highlighted-code';
import { ClientSuspense, servedHtml } from './served-html';

// Highlighting a long block again on every token would cost more than it shows; such a block
// is highlighted once its fence closes.
const highlightWhileStreamingUpTo = 6_000;

/** A fenced code block: language label, copy, highlighting, and "Preview" for HTML. */
export function CodeBlock({
  code,
  language,
  streaming,
}: {
  code: string;
  language: string;
  streaming: boolean;
}) {
  const answer = useAnswerSource();
  const [preview, setPreview] = useState<string | null>(null);
  const codeId = useId();
  // On a page load, the code keeps the highlighting the server rendered (no highlighter loads
  // for it) until the code changes.
  const [served] = useState(() => {
    const html = servedHtml(codeId);
    return html === null ? null : { code, html };
  });
  const grammar = grammarOf(language);
  const highlight = grammar && !(streaming && code.length > highlightWhileStreamingUpTo);
  const Highlighted = highlight ? highlighterFor(grammar) : null;
  const html = isHtmlLanguage(language);
  const codeClass = `hljs${language ? ` language-${language}` : ''}`;

  return (
    <div className="code-block" data-testid="code-block" data-language={language || undefined}>
      <div className="code-block-header">
        <span className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">
          {language || 'text'}
        </span>
        <div className="flex items-center gap-0.5">
          {html && (
            <button
              type="button"
              data-testid="preview-button"
              disabled={streaming}
              title={
                streaming ? 'Available once the block is complete' : 'Run this HTML in a sandbox'
              }
              aria-pressed={preview !== null}
              onClick={() => {
                if (preview === null) previewOfBlock(code, answer()).then(setPreview);
                else setPreview(null);
              }}
              className={buttonClass('ghost', 'sm', 'h-6 px-1.5 text-[11px]')}
            >
              <PlayIcon className="size-3.5" />
              {preview === null ? 'Preview' : 'Hide preview'}
            </button>
          )}
          <CopyButton text={() => code} testId="copy-code" title="Copy this code" />
        </div>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll a long line into view. */}
      <pre tabIndex={0}>
        {served?.code === code ? (
          <code
            key="served"
            id={codeId}
            className={codeClass}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the page's own server-rendered HTML, see servedHtml.
            dangerouslySetInnerHTML={{ __html: served.html }}
          />
        ) : (
          <code key="live" id={codeId} className={codeClass}>
            {Highlighted ? (
              <ClientSuspense fallback={code}>
                <Highlighted code={code} />
              </ClientSuspense>
            ) : (
              code
            )}
          </code>
        )}
      </pre>
      {preview !== null && (
        <PreviewFrame
          srcDoc={preview}
          title="HTML preview"
          fit
          className="border-t border-zinc-200 dark:border-zinc-800"
          onReload={() => previewOfBlock(code, answer()).then(setPreview)}
          onClose={() => setPreview(null)}
        />
      )}
    </div>
  );
}
