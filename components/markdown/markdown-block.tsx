'use client';

import type { Element, ElementContent } from 'hast';
import { type ComponentProps, createContext, lazy, useContext } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { fencedBlocks, normalizeMath } from '@/lib/client/markdown-text';
import { CodeBlock } from './code-block';
import { ClientSuspense } from './served-html';

const Formula = lazy(() => import('./formula'));

function textOf(node: ElementContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function classesOf(node: ElementContent | undefined): string[] {
  if (node?.type !== 'element') return [];
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function MathFallback({ tex, display }: { tex: string; display: boolean }) {
  return display ? (
    <div className="math-pending">{tex}</div>
  ) : (
    <code className="math-pending">{tex}</code>
  );
}

function MathNode({ tex, display }: { tex: string; display: boolean }) {
  return (
    <ClientSuspense fallback={<MathFallback tex={tex} display={display} />}>
      <Formula
        tex={tex}
        display={display}
        fallback={<MathFallback tex={tex} display={display} />}
      />
    </ClientSuspense>
  );
}

// Breaks: a single newline is a line break, as models mean it (an acrostic's lines, a trace).
const plugins = [remarkGfm, remarkMath, remarkBreaks];

/** Where the block's unclosed last fence (still streaming) ends, if it has one. */
const StreamingEnd = createContext<number | null>(null);

// Module-level, so React keeps the same component types across renders (a code block keeps
// its state, e.g. an open preview, while its answer streams on).
const components: Components = {
  // A link whose URL was unsafe (`javascript:` and the like) has lost its href: plain text.
  a: ({ node: _node, href, children, ...props }) =>
    href ? (
      <a {...props} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span className="md-dead-link">{children}</span>
    ),
  // Remote images would tell a third party that the answer was read; show them as links.
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer" className="md-image-link">
        {alt ? `[image: ${alt}]` : '[image]'}
      </a>
    ) : (
      <span>{alt}</span>
    ),
  table: ({ node: _node, ...props }: ComponentProps<'table'> & { node?: Element }) => (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll a wide table.
    <div className="md-table" tabIndex={0}>
      <table {...props} />
    </div>
  ),
  // A task list's box says its state; the item's text, read next, says what the task is.
  input: ({ node: _node, ...props }) => (
    <input {...props} aria-label={props.checked ? 'Done' : 'Not done'} />
  ),
  code: ({ node, className, children }) => {
    if (classesOf(node as ElementContent | undefined).includes('math-inline')) {
      return <MathNode tex={String(children)} display={false} />;
    }
    return <code className={className}>{children}</code>;
  },
  pre: function Pre({ node }) {
    const streamingEnd = useContext(StreamingEnd);
    const code = node?.children[0];
    const classes = classesOf(code);
    const text = textOf(code).replace(/\n$/, '');
    if (classes.includes('math-display')) return <MathNode tex={text} display />;
    const language = classes.find((name) => name.startsWith('language-'))?.slice(9) ?? '';
    const streaming = streamingEnd !== null && (node?.position?.end.offset ?? 0) >= streamingEnd;
    return <CodeBlock code={text} language={language} streaming={streaming} />;
  },
};

/** One top-level Markdown block. Raw HTML in it is dropped, never injected. */
export default function MarkdownBlock({ source }: { source: string }) {
  const markdown = normalizeMath(source);
  const last = fencedBlocks(markdown).at(-1);
  const streamingEnd = last !== undefined && !last.closed ? markdown.trimEnd().length : null;
  return (
    <StreamingEnd.Provider value={streamingEnd}>
      <ReactMarkdown remarkPlugins={plugins} components={components}>
        {markdown}
      </ReactMarkdown>
    </StreamingEnd.Provider>
  );
}
