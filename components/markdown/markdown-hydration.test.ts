// @vitest-environment jsdom
import { act, createElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { prerenderToNodeStream } from 'react-dom/static';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './markdown';

// Counts what the browser would run: the Markdown parser and the highlighter.
const calls = vi.hoisted(() => ({ markdown: 0, highlight: 0 }));
vi.mock('react-markdown', async (original) => {
  const actual = await original<typeof import('react-markdown')>();
  return {
    ...actual,
    default: (props: Parameters<typeof actual.default>[0]) => {
      calls.markdown += 1;
      return actual.default(props);
    },
  };
});
vi.mock('lowlight', async (original) => {
  const actual = await original<typeof import('lowlight')>();
  return {
    ...actual,
    createLowlight: () => {
      const lowlight = actual.createLowlight();
      const highlight = lowlight.highlight;
      lowlight.highlight = (...args: Parameters<typeof highlight>) => {
        calls.highlight += 1;
        return highlight(...args);
      };
      return lowlight;
    },
  };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const answer = [
  '## Heading',
  'So $x = 2$, and a table:',
  '| a | b |\n|---|--:|\n| 1 | 2 |',
  '```python\nprint("hi")\n```',
  '- [x] done',
].join('\n\n');

async function serverHtml(text: string): Promise<string> {
  const { prelude } = await prerenderToNodeStream(createElement(Markdown, { text }));
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

/** Lets lazy chunks and their renders settle. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('a finished answer on a page load', () => {
  it('keeps the server-rendered HTML: nothing is parsed or highlighted again', async () => {
    const html = await serverHtml(answer);
    expect(html).toContain('hljs-built_in');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const before = container.innerHTML;
    calls.markdown = 0;
    calls.highlight = 0;
    const errors: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(container, createElement(Markdown, { text: answer }), {
        onRecoverableError: (error) => errors.push(error),
      });
    });
    await settle();
    expect(errors).toEqual([]);
    expect(calls).toEqual({ markdown: 0, highlight: 0 });
    expect(container.innerHTML).toBe(before);
    // The code block is live: its copy button answers (jsdom has no clipboard to copy to).
    document.execCommand = () => true;
    const copy = container.querySelector<HTMLButtonElement>('[data-testid="copy-code"]');
    await act(async () => copy?.click());
    await settle();
    expect(copy?.textContent).toBe('Copied');

    // Text that changes (a retry, a stream going on) is rendered again.
    await act(async () => root?.render(createElement(Markdown, { text: `${answer} more` })));
    await settle();
    expect(calls.markdown).toBe(1);
    expect(container.textContent).toContain('done more');
    expect(container.querySelector('.katex')).not.toBeNull();
  });
});
