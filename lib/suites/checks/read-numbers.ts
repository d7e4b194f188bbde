import { boxedContents } from './boxed';
import { evaluateExpressions } from './math-expression';
import { tokenizeMath } from './math-tokens';
import { toHalfWidth } from './normalise';
import { readChineseNumerals, readEnglishNumberWords } from './number-words';

/**
 * Every number the text states: each written number (1,492.08, １２, 3/4's 3 and 4), the value
 * of each arithmetic expression (3/4, 768 + 512\sqrt{2}, -5), and numbers in Chinese or English
 * words. Duplicates are dropped; the order is the order of discovery.
 */
export function readNumbers(text: string): number[] {
  const halfWidth = toHalfWidth(text);
  const literals = tokenizeMath(halfWidth).flatMap((token) =>
    token.type === 'number' ? [token.value] : [],
  );
  return [
    ...new Set([
      ...literals,
      ...evaluateExpressions(halfWidth),
      ...readChineseNumerals(halfWidth),
      ...readEnglishNumberWords(halfWidth),
    ]),
  ];
}

// A Markdown list item or table row: a final answer is often a short list (- 鸡：12只 / - 兔：13只).
const LIST_OR_TABLE_LINE = /^\s*(?:[-*+•]\s|\d+[.、)]\s*|\|)/;
// A line of working (x + y = 25) rather than a statement of the result.
const WORKING_LINE = /[=≈]|\\(?:approx|begin|end)\b/;

/**
 * The part of an answer that holds its final numbers: every `\boxed{}` (a model boxes each of
 * several answers, and the reasoning trace is already gone, so boxes are the answer's own
 * results); without a box, the last line that states a number, widened upward through its
 * paragraph (鸡有12只，\n兔有13只。) or the list or table it ends, but not into lines of working;
 * without any, the whole answer.
 */
export function finalNumberText(answer: string): string {
  const boxes = boxedContents(answer);
  if (boxes.length > 0) return boxes.join('\n');
  const lines = answer.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && readNumbers(lines[last] as string).length === 0) last--;
  if (last < 0) return answer;
  const continues = LIST_OR_TABLE_LINE.test(lines[last] as string)
    ? (line: string) => LIST_OR_TABLE_LINE.test(line)
    : (line: string) => line.trim() !== '' && !WORKING_LINE.test(line);
  let first = last;
  while (first > 0 && continues(lines[first - 1] as string)) first--;
  return lines.slice(first, last + 1).join('\n');
}
