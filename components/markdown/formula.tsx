'use client';

import katex from 'katex';
import type { ReactNode } from 'react';

/**
 * A formula typeset by KaTeX (its own chunk, loaded when the first formula shows up). KaTeX
 * escapes the TeX it is given, and with `trust: false` it emits no links, classes or styles
 * taken from the input, so its HTML is safe to insert. TeX that does not parse yet (a formula
 * still streaming) shows as the source.
 */
export default function Formula({
  tex,
  display,
  fallback,
}: {
  tex: string;
  display: boolean;
  fallback: ReactNode;
}) {
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxSize: 50,
      maxExpand: 1000,
      output: 'htmlAndMathml',
    });
  } catch {
    return fallback;
  }
  return display ? (
    <div
      className="math-display"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard user must be able to scroll a wide formula.
      tabIndex={0}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, see above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  ) : (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, see above.
    <span className="math-inline" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
