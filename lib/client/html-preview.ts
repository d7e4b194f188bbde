import { type FencedCode, fencedBlocks } from './markdown-text';
import type { Companions } from './preview-document';

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

// The builder (DOM rewriting, hashing) loads when a preview is first opened, not with the page.
async function build(html: string, companions?: Companions) {
  const { previewDocument } = await import('./preview-document');
  return previewDocument(html, companions);
}

const isFullDocument = (html: string) => /<html[\s>]|<!doctype/i.test(html);

/**
 * What "Preview" runs for one HTML code block of an answer: a full document as it is; a
 * fragment together with the answer's CSS and JavaScript blocks, which models often give apart.
 */
export function previewOfBlock(html: string, answer: string): Promise<string> {
  if (isFullDocument(html)) return build(html);
  return build(html, companionsOf(fencedBlocks(answer)));
}

function companionsOf(blocks: FencedCode[]): Companions {
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
export async function previewOfAnswer(answer: string): Promise<string | null> {
  const blocks = fencedBlocks(answer);
  const html = blocks.filter((block) => isHtmlLanguage(block.language));
  const chosen = html.findLast((block) => isFullDocument(block.code)) ?? html.at(-1);
  if (!chosen) return null;
  if (isFullDocument(chosen.code)) return build(chosen.code);
  return build(chosen.code, companionsOf(blocks));
}
