import { lastBoxed } from './boxed';
import { toHalfWidth } from './normalise';
import type { CheckOutcome, SuiteCheck } from './schema';

type MatchCheck = Extract<SuiteCheck, { kind: 'match' }>;

/** Regexes run on at most this much of an answer, to bound the time a costly pattern takes. */
export const MAX_REGEX_INPUT = 200_000;
const MAX_SHOWN = 60;

function normalise(text: string, caseSensitive: boolean): string {
  const folded = toHalfWidth(text)
    // A boxed word is often wrapped for LaTeX: \boxed{\text{北京}}.
    .replace(/\\(?:text|mathrm|textbf|mathbf)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。.！!]+$/u, '')
    .trim();
  return caseSensitive ? folded : folded.toLowerCase();
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

export function evaluateMatchCheck(check: MatchCheck, answer: string): CheckOutcome {
  if (check.mode === 'regex') {
    const pattern = new RegExp(check.pattern, check.caseSensitive ? 'u' : 'iu');
    const match = pattern.exec(answer.slice(0, MAX_REGEX_INPUT));
    return match
      ? { verdict: 'pass', detail: `matched "${shorten(match[0])}"` }
      : { verdict: 'fail', detail: 'the pattern does not match' };
  }
  const final = normalise(lastBoxed(answer) ?? answer, check.caseSensitive);
  return final === normalise(check.pattern, check.caseSensitive)
    ? { verdict: 'pass', detail: 'the answer matches' }
    : { verdict: 'fail', detail: `the answer is "${shorten(final)}"` };
}
