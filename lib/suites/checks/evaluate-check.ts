import { evaluateLineStartsCheck } from './line-starts-check';
import { evaluateMatchCheck } from './match-check';
import { isBlank } from './normalise';
import { evaluateNumberCheck } from './number-check';
import type { CheckOutcome, SuiteCheck } from './schema';

/** Judges a model's answer (its content, without the reasoning trace) against a check. */
export function evaluateCheck(check: SuiteCheck, answer: string): CheckOutcome {
  if (check.kind === 'manual') return { verdict: 'judge', detail: 'judge by hand' };
  if (isBlank(answer)) return { verdict: 'fail', detail: 'no answer' };
  switch (check.kind) {
    case 'number':
      return evaluateNumberCheck(check, answer);
    case 'match':
      return evaluateMatchCheck(check, answer);
    case 'line-starts':
      return evaluateLineStartsCheck(check, answer);
  }
}
