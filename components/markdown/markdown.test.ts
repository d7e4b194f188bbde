import { createElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

/** Server-renders the component the way a page load does, waiting for every lazy part. */
async function render(text: string): Promise<string> {
  const { prelude } = await prerenderToNodeStream(createElement(Markdown, { text }));
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

describe('Markdown renderer on a tricky corpus', () => {
  it('renders nested lists, in order, keeping loose items together', async () => {
    const html = await render('1. one\n   - a\n     - deep\n\n   still one\n\n2. two');
    expect(html).toMatch(
      /<ol>\s*<li>[\s\S]*<ul>[\s\S]*<ul>\s*<li>deep[\s\S]*<p>still one<\/p>\s*<\/li>/,
    );
    expect(html).toContain('<ol start="2">');
  });

  it('renders GFM tables and task lists', async () => {
    const html = await render('| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo');
    expect(html).toContain('<div class="md-table" tabindex="0"><table>');
    expect(html).toContain('<td style="text-align:right">2</td>');
    expect(html).toMatch(
      /<input type="checkbox" disabled="" aria-label="Done" checked=""\/> (<!-- -->)?done/,
    );
  });

  it('typesets math next to code, including \\boxed and the \\( \\) forms', async () => {
    const html = await render(
      'So $x = 2$ and \\(y\\).\n\n```python\nprint("$not math$")\n```\n\n\\[\\boxed{23}\\]',
    );
    expect(html).toContain('class="math-inline"><span class="katex">');
    expect(html).toContain('class="math-display" tabindex="0"><span class="katex-display">');
    expect(html).toContain('boxed');
    // Dollars inside code stay code.
    expect(html).toMatch(/hljs-string">&quot;\$not math\$&quot;/);
    expect(html).toContain('<span class="font-mono text-[11px]');
  });

  it('keeps prices as text and still typesets the formula next to them', async () => {
    const html = await render('It costs $5 and $10, or $x_1$ per item.');
    expect(html).toMatch(/It costs \$5 and \$10, or (<!--\$-->)?<span class="math-inline">/);
    expect(html.match(/class="katex"/g)).toHaveLength(1);
  });

  it('shows a formula that does not parse yet as its source', async () => {
    const html = await render('$$\n\\frac{a}{\n$$');
    expect(html).toContain('class="math-pending"');
    expect(html).toContain('\\frac{a}{');
  });

  it('renders an unclosed fence as code, its last line included', async () => {
    const html = await render('Here:\n\n```js\nconst a = 1;\nconst b');
    expect(html).toContain('data-language="js"');
    expect(html).toContain('<span class="hljs-keyword">const</span> b');
    expect(html).not.toContain('```');
  });

  it('keeps a very long line whole', async () => {
    const long = `START ${'word '.repeat(5000)}END`;
    const html = await render(long);
    expect(html).toContain(`<p>${long}</p>`);
  });

  it('opens links in a new tab without an opener', async () => {
    const html = await render('[docs](https://example.com)');
    expect(html).toContain(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a>',
    );
  });

  it('offers Preview on HTML blocks only', async () => {
    expect(await render('```html\n<p>x</p>\n```')).toContain('data-testid="preview-button"');
    expect(await render('```css\np {}\n```')).not.toContain('data-testid="preview-button"');
  });
});

describe('Markdown renderer on a hostile corpus', () => {
  it('drops raw HTML, scripts, handlers and dangerous URLs', async () => {
    const html = await render(
      [
        '<script>window.__pwned = 1</script>',
        '<img src=x onerror="window.__pwned = 1">',
        '<iframe src="https://evil.example"></iframe>',
        '<svg><script>window.__pwned = 1</script></svg>',
        '[click](javascript:window.__pwned=1) [data](data:text/html,<script>1</script>)',
        '[entity](&#106;avascript:alert(1)) [vb](vbscript:msgbox)',
        '![pixel](https://evil.example/pixel.png "t")',
        '<a href="javascript:alert(1)">raw link</a>',
      ].join('\n\n'),
    );
    // Raw HTML shows as escaped text; no element or attribute of it reaches the page.
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).not.toMatch(
      /<(script|iframe|svg|img)\b|\son\w+="|href="(javascript|vbscript|data):/i,
    );
    expect(html).toContain('[image: pixel]');
  });
});
