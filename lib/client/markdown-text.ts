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

/**
 * Splits Markdown at blank lines that end a top-level block: never inside a code fence or a
 * `$$` display formula, and not before an indented line (a list item's continuation).
 * Joining the blocks with blank lines gives back an equivalent document.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: Fence | null = null;
  let inMath = false;
  let pendingBlank = 0;

  const flush = () => {
    if (current.length > 0) blocks.push(current.join('\n'));
    current = [];
  };

  for (const line of text.split('\n')) {
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
    current.push(line);
    const opened = opens(line);
    if (opened) fence = opened;
    else if (mathFence.test(line) && !/^ {0,3}\$\$.*\S.*\$\$\s*$/.test(line)) inMath = true;
  }
  flush();
  return blocks;
}

/**
 * Rewrites `\[ … \]` to `$$` display math and `\( … \)` to `$…$`, outside code, so
 * formulas in the delimiters most models use are typeset.
 */
export function normalizeMath(block: string): string {
  if (!block.includes('\\(') && !block.includes('\\[')) return block;
  const out: string[] = [];
  let prose: string[] = [];
  let fence: Fence | null = null;
  const flushProse = () => {
    if (prose.length > 0) out.push(rewriteMath(prose.join('\n')));
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

function languageOf(info: string): string {
  return (info.split(/\s+/, 1)[0] ?? '').toLowerCase();
}
