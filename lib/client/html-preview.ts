import { type FencedCode, fencedBlocks } from './markdown-text';

/**
 * The preview's own Content Security Policy: its inline scripts and styles run, nothing reaches
 * the network (no fetch, no images or fonts from a URL, no form posts), and nothing loads a base.
 */
export const previewCsp = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'media-src data: blob:',
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Scripts may run; everything else a sandbox can grant stays off: no same origin (so no cookies,
 * storage or DOM of the app), no popups, no top navigation, no forms, no modal dialogs.
 */
export const previewSandbox = 'allow-scripts';

const htmlLanguages = new Set(['html', 'htm', 'xhtml', 'svg']);
const cssLanguages = new Set(['css']);
const scriptLanguages = new Set(['js', 'javascript', 'mjs']);

export function isHtmlLanguage(language: string): boolean {
  return htmlLanguages.has(language.toLowerCase());
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The `srcdoc` of a preview: the CSP meta comes first, before anything of the model's can run
 * or load, then the model's document (a full page or a fragment) with its companion CSS and JS.
 */
export function previewDocument(html: string, companions: { css?: string; js?: string } = {}) {
  const body = html.replace(/^\s*<!doctype[^>]*>/i, '');
  const extra =
    (companions.css ? `\n<style>\n${companions.css}\n</style>` : '') +
    // A `</script>` inside the code would end the tag early; split it.
    (companions.js
      ? `\n<script>\n${companions.js.replaceAll('</script', '<\\/script')}\n</script>`
      : '');
  return (
    '<!doctype html>' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp)}">` +
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    body +
    extra
  );
}

const isFullDocument = (html: string) => /<html[\s>]|<!doctype/i.test(html);

/**
 * What "Preview" runs for one HTML code block of an answer: a full document as it is; a
 * fragment together with the answer's CSS and JavaScript blocks, which models often give apart.
 */
export function previewOfBlock(html: string, answer: string): string {
  if (isFullDocument(html)) return previewDocument(html);
  const blocks = fencedBlocks(answer);
  return previewDocument(html, companionsOf(blocks));
}

function companionsOf(blocks: FencedCode[]) {
  const join = (languages: Set<string>) =>
    blocks
      .filter((block) => languages.has(block.language))
      .map((block) => block.code)
      .join('\n');
  return { css: join(cssLanguages) || undefined, js: join(scriptLanguages) || undefined };
}

/**
 * The HTML an answer would preview in "Preview all": its last full HTML document, else its last
 * HTML fragment with the CSS and JS blocks; null when the answer has no HTML block.
 */
export function previewOfAnswer(answer: string): string | null {
  const blocks = fencedBlocks(answer);
  const html = blocks.filter((block) => isHtmlLanguage(block.language));
  const chosen = html.findLast((block) => isFullDocument(block.code)) ?? html.at(-1);
  if (!chosen) return null;
  if (isFullDocument(chosen.code)) return previewDocument(chosen.code);
  return previewDocument(chosen.code, companionsOf(blocks));
}
