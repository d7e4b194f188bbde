'use client';

import { lazy, memo, useId, useMemo, useRef, useState } from 'react';
import { type Split, soleFence, splitGrown } from '@/lib/client/markdown-text';
import { CodeBlock } from './code-block';
import { ClientSuspense, servedHtml } from './served-html';
// KaTeX's stylesheet and fonts come from the package, served by the app (no CDN), with the pages
// that show answers only; the fonts load only when a formula is on screen.
import 'katex/dist/katex.min.css';

// The Markdown pipeline is its own chunk: the chat page's first load stays small, and a page
// rendered on the server keeps its HTML (see Block).
const MarkdownBlock = lazy(() => import('./markdown-block'));

// Blocks are grouped in pages, so a token re-renders one page of React elements and the
// browser relays out a handful of page boxes, however long the answer has grown.
const PAGE_SIZE = 32;

/**
 * Model output as Markdown, one top-level block at a time: while an answer streams, finished
 * blocks keep their rendering and only the last one is parsed again.
 */
export function Markdown({
  text,
  className = '',
  testId,
  id,
}: {
  text: string;
  className?: string;
  testId?: string;
  id?: string;
}) {
  // The last split, so that a streamed token splits only the end of the answer again. Writing
  // it during render is safe: a split made for a render React throws away is still right.
  const split = useRef<Split | null>(null);
  const pages = useMemo(() => {
    split.current = splitGrown(text, split.current);
    const { blocks } = split.current;
    const grouped: string[][] = [];
    for (let start = 0; start < blocks.length; start += PAGE_SIZE) {
      grouped.push(blocks.slice(start, start + PAGE_SIZE));
    }
    return grouped;
  }, [text]);
  return (
    <div id={id} data-testid={testId} className={`markdown ${className}`}>
      {pages.map((blocks, index) => (
        // Pages and blocks only grow at the end, so indexes are stable keys.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <Page key={index} blocks={blocks} />
      ))}
    </div>
  );
}

const Page = memo(
  function Page({ blocks }: { blocks: string[] }) {
    return (
      <div className="markdown-page">
        {blocks.map((block, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks only grow at the end.
          <Block key={index} source={block} />
        ))}
      </div>
    );
  },
  (before, after) =>
    before.blocks.length === after.blocks.length &&
    before.blocks.every((block, index) => block === after.blocks[index]),
);

/**
 * One top-level block. On a page load, a finished block keeps the HTML the server rendered
 * until its text changes: the browser neither loads the pipeline nor parses or typesets it
 * again. A code block, whose buttons need React, is rendered without the pipeline and keeps its
 * highlighting the same way (see CodeBlock).
 */
const Block = memo(function Block({ source }: { source: string }) {
  const id = useId();
  const fence = soleFence(source);
  const [served] = useState(() => {
    const html = fence ? null : servedHtml(id);
    return html === null ? null : { source, html };
  });
  if (fence) {
    return (
      <div id={id} className="md-block">
        <CodeBlock code={fence.code} language={fence.language} streaming={!fence.closed} />
      </div>
    );
  }
  if (served?.source === source) {
    return (
      <div
        key="served"
        id={id}
        className="md-block"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the page's own server-rendered HTML, see servedHtml.
        dangerouslySetInnerHTML={{ __html: served.html }}
      />
    );
  }
  return (
    <div key="live" id={id} className="md-block">
      <ClientSuspense fallback={<p className="whitespace-pre-wrap">{source}</p>}>
        <MarkdownBlock source={source} />
      </ClientSuspense>
    </div>
  );
});
