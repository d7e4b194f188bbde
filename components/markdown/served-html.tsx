import { type ReactNode, Suspense } from 'react';

// On a page load, a finished answer keeps the HTML the server rendered: the browser does not
// load the Markdown pipeline, KaTeX or the highlighter for it, nor run them again to hydrate.

/**
 * What the server rendered into the element `id` (from `useId`), read while the page hydrates:
 * the element then keeps it (`dangerouslySetInnerHTML` is not compared while hydrating), and
 * React sets it only if it has to create the element again. Null on the server, and for an
 * element rendered in the browser (its id is of another form, so no element has it yet).
 */
export function servedHtml(id: string): string | null {
  if (typeof document === 'undefined') return null;
  return document.getElementById(id)?.innerHTML ?? null;
}

/**
 * A Suspense boundary in the browser only, for what loads lazily there. On the server those
 * parts resolve while the page renders and its HTML arrives whole: React sends the content of
 * a large boundary apart and reveals it a frame or more later, so an answer painted after the
 * rest of the page. The two need not match: what is inside is never hydrated (see servedHtml).
 */
export function ClientSuspense({
  fallback,
  children,
}: {
  fallback: ReactNode;
  children: ReactNode;
}) {
  if (typeof window === 'undefined') return children;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
