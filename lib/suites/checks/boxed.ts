/**
 * The contents of every `\boxed{...}` in the text, in order, with nested braces kept whole
 * (`\boxed{\frac{3}{4}}` gives `\frac{3}{4}`). An unclosed box runs to the end of the text, as
 * a model cut off by its token limit leaves it.
 */
export function boxedContents(text: string): string[] {
  const contents: string[] = [];
  const opener = /\\boxed\s*\{/g;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const start = opener.lastIndex;
    let depth = 1;
    let index = start;
    for (; index < text.length && depth > 0; index++) {
      if (text[index] === '{') depth++;
      else if (text[index] === '}') depth--;
    }
    const end = depth === 0 ? index - 1 : text.length;
    contents.push(text.slice(start, end));
    opener.lastIndex = end;
  }
  return contents;
}

/** The content of the last `\boxed{...}`, the answer R1-style models commit to. */
export function lastBoxed(text: string): string | undefined {
  return boxedContents(text).at(-1);
}
