/**
 * Plain-text work on a Markdown answer, before any renderer sees it: splitting it into
 * top-level blocks (so a streaming answer re-renders only its last block), turning LaTeX's
 * `\( \)` and `\[ \]` into the `$` forms remark-math reads, and finding fenced code blocks.
 */

type Fence = { marker: string; length: number; indent: number };

const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function opens(line: string): (Fence & { info: string }) | null {
  const match = fenceOpen.exec(line);
  if (!match) return null;
  const [, indent = '', run = '', info = ''] = match;
  // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
  if (run[0] === '`' && info.includes('`')) return null;
  return { marker: run[0] ?? '`', length: run.length, indent: indent.length, info: info.trim() };
}

function closes(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!match?.[1] && match[1][0] === fence.marker && match[1].length >= fence.length;
}

const mathFence = /^ {0,3}\$\$/;
const mathFenceClose = /\$\$\s*$/;

/** The blocks of a text, and where its last block starts (see `splitGrown`). */
export type Split = { text: string; blocks: string[]; lastStart: number };

/**
 * Splits Markdown at blank lines that end a top-level block: never inside a code fence or a
 * `$$` display formula, and not before an indented line (a list item's continuation).
 * Joining the blocks with blank lines gives back an equivalent document.
 *
 * For a streaming text: when `text` extends the text of `previous`, only the previous last
 * block and what follows it are split again (a block boundary is a clean state: no fence or
 * formula open), and earlier blocks keep their identity. Otherwise a full split.
 */
export function splitGrown(text: string, previous: Split | null): Split {
  if (!previous || !text.startsWith(previous.text)) return splitFrom(text, 0);
  const tail = splitFrom(text, previous.lastStart);
  return {
    text,
    blocks: [...previous.blocks.slice(0, -1), ...tail.blocks],
    lastStart: tail.lastStart,
  };
}

function splitFrom(text: string, from: number): Split {
  const blocks: string[] = [];
  let current: string[] = [];
  let currentStart = from;
  let lastStart = from;
  let fence: Fence | null = null;
  let inMath = false;
  let pendingBlank = 0;

  const flush = () => {
    if (current.length > 0) {
      blocks.push(current.join('\n'));
      lastStart = currentStart;
    }
    current = [];
  };

  // Line by line without `split`, to know where each block starts.
  for (let start = from; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const lineStart = start;
    start = end + 1;
    if (fence) {
      current.push(line);
      if (closes(line, fence)) fence = null;
      continue;
    }
    if (inMath) {
      current.push(line);
      if (mathFenceClose.test(line)) inMath = false;
      continue;
    }
    if (line.trim() === '') {
      if (current.length > 0) pendingBlank += 1;
      continue;
    }
    if (pendingBlank > 0) {
      if (/^[ \t]/.test(line)) {
        for (let index = 0; index < pendingBlank; index += 1) current.push('');
      } else {
        flush();
      }
      pendingBlank = 0;
    }
    if (current.length === 0) currentStart = lineStart;
    current.push(line);
    const opened = opens(line);
    if (opened) fence = opened;
    else if (mathFence.test(line) && !/^ {0,3}\$\$.*\S.*\$\$\s*$/.test(line)) inMath = true;
  }
  flush();
  return { text, blocks, lastStart };
}

/**
 * Rewrites `\[ … \]` to `$$` display math and `\( … \)` to `$…$`, outside code, so
 * formulas in the delimiters most models use are typeset; and escapes the dollars that are
 * not math by Pandoc's rule (see `escapeStrayDollars`), so prices stay text.
 */
export function normalizeMath(block: string): string {
  if (!block.includes('\\(') && !block.includes('\\[') && !block.includes('$')) return block;
  // An indented code block at the top: nothing in it is math.
  if (/^ {4}/.test(block)) return block;
  const out: string[] = [];
  let prose: string[] = [];
  let fence: Fence | null = null;
  const flushProse = () => {
    if (prose.length > 0) out.push(rewriteMath(escapeStrayDollars(prose.join('\n'))));
    prose = [];
  };
  for (const line of block.split('\n')) {
    if (fence) {
      out.push(line);
      if (closes(line, fence)) fence = null;
      continue;
    }
    const opened = opens(line);
    if (opened) {
      flushProse();
      fence = opened;
      out.push(line);
    } else {
      prose.push(line);
    }
  }
  flushProse();
  return out.join('\n');
}

/**
 * Escapes every `$` that Pandoc would not read as a math delimiter (remark-math reads them
 * all): an opening `$` is followed by a non-space, and the first `$` after it closes only if
 * it follows a non-space, is not followed by a digit, and is in the same paragraph. So
 * "costs $5 and $10" stays text while `$x_1$` is math. Code spans, `$$` formulas and
 * escaped characters are left as they are.
 */
export function escapeStrayDollars(prose: string): string {
  if (!prose.includes('$')) return prose;
  let out = '';
  let copied = 0;
  let at = 0;
  while (at < prose.length) {
    const char = prose[at];
    if (char === '\\') {
      at += 2;
      continue;
    }
    if (char !== '`' && char !== '$') {
      at += 1;
      continue;
    }
    const run = runLength(prose, at);
    if (char === '`' || run > 1) {
      // A code span or a `$$` formula runs to the next run of as many; unclosed, a formula
      // takes the rest of the block (it is still streaming) and backticks are text.
      const close = closingRun(prose, at + run, char, run);
      if (close === -1 && char === '$') break;
      at = close === -1 ? at + run : close + run;
      continue;
    }
    const close = prose.indexOf('$', at + 1);
    if (close !== -1 && isMath(prose, at, close)) {
      at = close + 1;
      continue;
    }
    out += `${prose.slice(copied, at)}\\$`;
    copied = at + 1;
    at += 1;
  }
  return out + prose.slice(copied);
}

function isMath(prose: string, open: number, close: number): boolean {
  const space = /\s/;
  return (
    !space.test(prose[open + 1] ?? ' ') &&
    !space.test(prose[close - 1] ?? ' ') &&
    !/[0-9$]/.test(prose[close + 1] ?? '') &&
    !/\n[ \t]*\n/.test(prose.slice(open, close))
  );
}

/** How many times the character at `at` repeats from there. */
function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === text[at]) end += 1;
  return end - at;
}

/** Where the next run of exactly `length` times `char` starts, from `from` on; -1 if none. */
function closingRun(text: string, from: number, char: string, length: number): number {
  for (let at = text.indexOf(char, from); at !== -1; ) {
    const run = runLength(text, at);
    if (run === length) return at;
    at = text.indexOf(char, at + run);
  }
  return -1;
}

function rewriteMath(prose: string): string {
  // Inline code spans keep their backslashes: split them out, rewrite the rest.
  return prose
    .split(/(`+[^`]*`+)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            // A formula alone on its line becomes a display block.
            .replace(
              /^([ \t]*)\\\[([^\n]*?)\\\]\s*$/gm,
              (_, indent: string, tex: string) =>
                `${indent}$$\n${indent}${tex.trim()}\n${indent}$$`,
            )
            .replace(/\\\[([\s\S]*?)\\\]/g, (_, tex: string) => `$$${tex}$$`)
            .replace(/\\\(([\s\S]*?)\\\)/g, (_, tex: string) => `$${tex.trim()}$`),
    )
    .join('');
}

export type FencedCode = { language: string; code: string; closed: boolean };

/** Every fenced code block of a Markdown text, in order, including an unclosed last one. */
export function fencedBlocks(text: string): FencedCode[] {
  const found: FencedCode[] = [];
  let fence: (Fence & { info: string }) | null = null;
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    if (fence) {
      if (closes(line, fence)) {
        found.push({ language: languageOf(fence.info), code: lines.join('\n'), closed: true });
        fence = null;
      } else {
        lines.push(fence.indent > 0 ? line.replace(new RegExp(`^ {0,${fence.indent}}`), '') : line);
      }
      continue;
    }
    const opened = opens(line);
    if (opened) {
      fence = opened;
      lines = [];
    }
  }
  if (fence)
    found.push({ language: languageOf(fence.info), code: lines.join('\n'), closed: false });
  return found;
}

/**
 * The fenced code block a top-level block (see `splitGrown`) consists of, if that is all it
 * is; `closed` is false while its fence is still open (the block is streaming). The language is
 * the info string's first word as written, as remark reads it.
 */
export function soleFence(block: string): FencedCode | null {
  const lines = block.split('\n');
  const fence = opens(lines[0] ?? '');
  if (!fence) return null;
  const code: string[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (closes(line, fence)) {
      if (index !== lines.length - 1) return null;
      return { language: firstWord(fence.info), code: code.join('\n'), closed: true };
    }
    code.push(fence.indent > 0 ? line.replace(new RegExp(`^ {0,${fence.indent}}`), '') : line);
  }
  return { language: firstWord(fence.info), code: code.join('\n'), closed: false };
}

const firstWord = (info: string) => info.split(/\s+/, 1)[0] ?? '';

function languageOf(info: string): string {
  return (info.split(/\s+/, 1)[0] ?? '').toLowerCase();
}
