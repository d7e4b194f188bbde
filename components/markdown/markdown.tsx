'use client';

import { lazy, memo, Suspense, useMemo, useRef } from 'react';
import { type Split, splitGrown } from '@/lib/client/markdown-text';

// The Markdown pipeline is its own chunk: the chat page's first load stays small, and a page
// rendered on the server keeps its HTML while the chunk arrives (hydration waits, no flash).
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

const Block = memo(function Block({ source }: { source: string }) {
  return (
    <Suspense fallback={<p className="whitespace-pre-wrap">{source}</p>}>
      <MarkdownBlock source={source} />
    </Suspense>
  );
});
