import { hashSource, previewPolicies } from './preview-csp';
import { prelude } from './preview-prelude';

export type Companions = { css?: string; js?: string };

// The types a browser runs as a classic script (HTML's JavaScript MIME type essences).
const classicType =
  /^(?:(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/i;

function kindOf(script: Element): 'classic' | 'module' | 'other' {
  if (script.hasAttribute('src')) return 'other';
  const type = script.getAttribute('type');
  const language = script.getAttribute('language');
  if (type === '' || (type === null && !language)) return 'classic';
  const essence = type === null ? `text/${language}` : type.trim();
  if (classicType.test(essence)) return 'classic';
  return essence.toLowerCase() === 'module' ? 'module' : 'other';
}

// Raw text that would end the element early, or put a script in HTML's escaped states, split so
// the browser reads back exactly the text that was hashed.
const defuseScript = (code: string) =>
  code.replace(/<\/(script)/gi, '<\\/$1').replaceAll('<!--', '<\\!--');
const defuseStyle = (code: string) => code.replace(/<\/(style)/gi, '<\\/$1');

/**
 * Gives every script and inline handler under `root` the prelude and collects the hash of each
 * resulting text. A module cannot start with the prelude (it would not parse), so it becomes a
 * classic script in a strict async function, moved to the end of the body to run after parsing
 * as a module would; `import` and `export` no longer work there, but nothing could be imported
 * anyway. Scripts the page makes later from strings match no hash and do not run.
 */
function rewrite(root: ParentNode, body: HTMLElement, hashes: Set<string>) {
  let handlers = false;
  for (const script of root.querySelectorAll('script')) {
    const kind = kindOf(script);
    if (kind === 'other') continue;
    const code = script.textContent ?? '';
    if (kind === 'module') {
      script.removeAttribute('type');
      script.textContent = `${prelude}(async function(){'use strict';\n${code}\n})();`;
      if (script.isConnected) body.append(script);
    } else {
      script.textContent = prelude + code;
    }
    hashes.add(hashSource(script.textContent));
  }
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (!attribute.name.toLowerCase().startsWith('on')) continue;
      attribute.value = prelude + attribute.value;
      hashes.add(hashSource(attribute.value));
      handlers = true;
    }
  }
  for (const template of root.querySelectorAll('template')) {
    if (rewrite(template.content, body, hashes)) handlers = true;
  }
  return handlers;
}

/**
 * The `srcdoc` of a preview: the model's document (a full page or a fragment, with its companion
 * CSS and JS), its scripts and handlers rewritten to start with the prelude, and the CSP that
 * allows exactly those first in its head, before anything of the model's.
 * DOMParser only parses: it runs no script and loads nothing.
 */
export function previewDocument(html: string, companions: Companions = {}): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (companions.css) {
    const style = doc.createElement('style');
    style.textContent = defuseStyle(companions.css);
    doc.head.append(style);
  }
  if (companions.js) {
    const script = doc.createElement('script');
    script.textContent = defuseScript(companions.js);
    doc.body.append(script);
  }
  const hashes = new Set<string>();
  const handlers = rewrite(doc, doc.body, hashes);

  const metas = previewPolicies({ hashes, handlers }).map((policy) => {
    const meta = doc.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = policy;
    return meta;
  });
  if (!doc.querySelector('meta[name="viewport"]')) {
    const viewport = doc.createElement('meta');
    viewport.name = 'viewport';
    viewport.content = 'width=device-width, initial-scale=1';
    metas.push(viewport);
  }
  doc.head.prepend(...metas);
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
