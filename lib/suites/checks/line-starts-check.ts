import { toHalfWidth } from './normalise';
import type { CheckOutcome, SuiteCheck } from './schema';

type LineStartsCheck = Extract<SuiteCheck, { kind: 'line-starts' }>;

// Markdown and decoration before a line's first real character: headings, quotes, list markers
// (- * + • 1. 1、 (1) ①), emphasis, opening quotes and brackets, and spaces of any width.
const LEADING_DECORATION =
  /^(?:[\s#>*_~`\-+•·|"'“‘「『《〈【〔（([]|\d+[.、)）]|[（(]\d+[)）]|[①-⑳])+/u;

/** A line's first character once its decoration is gone; undefined for a line of decoration. */
export function firstCharacter(line: string): string | undefined {
  const [first] = toHalfWidth(line).replace(LEADING_DECORATION, '');
  return first?.toLowerCase();
}

/**
 * Passes when some run of consecutive non-blank lines starts with the acrostic's characters in
 * order, so a title before the poem or a remark after it does not matter.
 */
export function evaluateLineStartsCheck(check: LineStartsCheck, answer: string): CheckOutcome {
  const wanted = Array.from(check.starts.replace(/\s/gu, '')).map((char) =>
    toHalfWidth(char).toLowerCase(),
  );
  const firsts = answer.split('\n').flatMap((line) => {
    const first = firstCharacter(line);
    return first === undefined ? [] : [first];
  });
  let best = 0;
  let bestStart = -1;
  for (let start = 0; start < firsts.length; start++) {
    let length = 0;
    while (length < wanted.length && firsts[start + length] === wanted[length]) length++;
    if (length === wanted.length) {
      return { verdict: 'pass', detail: `lines start with ${wanted.join('')}` };
    }
    if (length > best) {
      best = length;
      bestStart = start;
    }
  }
  if (best === 0) return { verdict: 'fail', detail: `no line starts with ${wanted[0]}` };
  const found = firsts[bestStart + best];
  return {
    verdict: 'fail',
    detail:
      found === undefined
        ? `the answer ends after line ${best}, expected a line starting with ${wanted[best]}`
        : `line ${best + 1} starts with ${found}, expected ${wanted[best]}`,
  };
}
