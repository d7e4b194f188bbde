'use client';

import type { RootContent } from 'hast';
import {
  type ComponentType,
  createElement,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
} from 'react';

function render(node: RootContent, key: number): ReactNode {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return null;
  const className = node.properties.className;
  return createElement(
    node.tagName,
    { key, className: Array.isArray(className) ? className.join(' ') : undefined },
    node.children.map(render),
  );
}

type Highlighted = ComponentType<{ code: string }>;
const byGrammar = new Map<string, LazyExoticComponent<Highlighted>>();

/**
 * A component that highlights code in one grammar; it suspends until the highlighter's and the
 * grammar's chunks have loaded. The highlighter's output is a syntax tree, rendered as React
 * elements (no HTML).
 */
export function highlighterFor(grammar: string): LazyExoticComponent<Highlighted> {
  let component = byGrammar.get(grammar);
  if (!component) {
    component = lazy(async () => {
      // The highlighter's own chunk, too, loads when a block first needs highlighting.
      const { loadGrammar } = await import('./highlight');
      const lowlight = await loadGrammar(grammar);
      return {
        default: function HighlightedCode({ code }: { code: string }) {
          return <>{lowlight.highlight(grammar, code).children.map(render)}</>;
        },
      };
    });
    byGrammar.set(grammar, component);
  }
  return component;
}
