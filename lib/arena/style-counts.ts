import type { StyleCounts } from './vote';

// A battle's style covariates, counted from the text itself. Lengths are not the backends' token
// counts: each backend counts with its own tokenizer (DeepSeek's, Qwen's, Llama's split the same
// text differently, and some report no separate reasoning count), and a covariate must measure
// both sides of every battle the same way. So a "token" here is one CJK character or one run of
// other letters and digits: close to what tokenizers give for Chinese and for English alike, and
// the same for every model. Markdown is counted as LMArena counts it (headers, list items, bold),
// on the answer only, with line patterns rather than a parser, outside fenced code blocks.

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** One CJK character, or a run of other letters and digits (a word, a number). */
const TOKEN = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');

/** Up to three spaces, then ``` or ~~~ (three or more) opens a code block; closing takes no info. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})\s*$/;
const HEADER = /^ {0,3}#{1,6}(?:\s|$)/;
/** An unordered (-, *, +) or ordered (1. or 1)) list item. */
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const BOLD = /\*\*[^*\n]+\*\*|__[^_\n]+__/g;

export function approximateTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/** The answer's lines outside fenced code blocks (an unclosed fence runs to the end). */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence === null) {
      fence = FENCE.exec(line)?.[1] ?? null;
      if (fence === null) lines.push(line);
    } else {
      const marker = CLOSING_FENCE.exec(line)?.[1];
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) {
        fence = null;
      }
    }
  }
  return lines;
}

export function styleCountsOf({
  answer,
  reasoning,
}: {
  answer: string;
  reasoning: string;
}): StyleCounts {
  const prose = proseLines(answer);
  return {
    answerTokens: approximateTokens(answer),
    reasoningTokens: approximateTokens(reasoning),
    headers: prose.filter((line) => HEADER.test(line)).length,
    lists: prose.filter((line) => LIST_ITEM.test(line)).length,
    bold: prose.reduce((sum, line) => sum + (line.match(BOLD)?.length ?? 0), 0),
  };
}
