import { describe, expect, it } from 'vitest';
import { previewCsp, previewDocument, previewOfAnswer, previewSandbox } from './html-preview';

describe('previewDocument', () => {
  it('puts the CSP first, before anything of the model can run', () => {
    const doc = previewDocument(
      '<!DOCTYPE html><html><head><script>alert(1)</script></head></html>',
    );
    expect(doc.startsWith('<!doctype html><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<script>'));
    // The model's own doctype is dropped (a second one would be ignored anyway).
    expect(doc.match(/<!doctype/gi)).toHaveLength(1);
  });

  it('blocks the network and allows only inline code', () => {
    expect(previewCsp).toContain("default-src 'none'");
    expect(previewCsp).toContain("script-src 'unsafe-inline'");
    expect(previewCsp).not.toMatch(/https?:|'self'|\*/);
    expect(previewSandbox).toBe('allow-scripts');
  });

  it('adds companion CSS and JS, with a closing script tag in the code defused', () => {
    const doc = previewDocument('<canvas></canvas>', {
      css: 'canvas { width: 100% }',
      js: 'const s = "</script><img src=x>";',
    });
    expect(doc).toContain('<style>\ncanvas { width: 100% }\n</style>');
    expect(doc).toContain('"<\\/script><img src=x>"');
  });
});

describe('previewOfAnswer', () => {
  it('prefers the last full document', () => {
    const answer =
      'Try:\n```html\n<p>fragment</p>\n```\nFull game:\n```html\n<!doctype html>\n<html><body>GAME</body></html>\n```\n';
    const doc = previewOfAnswer(answer) ?? '';
    expect(doc).toContain('GAME');
    expect(doc).not.toContain('fragment');
  });

  it('joins a fragment with the answer CSS and JS blocks', () => {
    const answer =
      '```html\n<canvas id="c"></canvas>\n```\n```css\n#c { border: 1px solid }\n```\n```javascript\nstart();\n```';
    const doc = previewOfAnswer(answer) ?? '';
    expect(doc).toContain('<canvas id="c"></canvas>');
    expect(doc).toContain('#c { border: 1px solid }');
    expect(doc).toContain('<script>\nstart();\n</script>');
  });

  it('is null without an HTML block', () => {
    expect(previewOfAnswer('```python\nprint(1)\n```')).toBeNull();
  });
});
