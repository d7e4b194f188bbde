import { formatNumber, listNumbers } from './format-number';
import { finalNumberText, readNumbers } from './read-numbers';
import type { CheckOutcome, SuiteCheck } from './schema';

type NumberCheck = Extract<SuiteCheck, { kind: 'number' }>;

// Values read from text such as 0.1 + 0.2 carry float error; this keeps "±0" meaning equal.
const FLOAT_SLACK = 1e-9;
const MAX_LISTED = 6;

function matches(expected: number, value: number, tolerance: number): boolean {
  const slack = FLOAT_SLACK * Math.max(1, Math.abs(expected));
  return Math.abs(expected - value) <= tolerance + slack;
}

function listRead(values: number[]): string {
  const shown = values.slice(-MAX_LISTED);
  return `${values.length > MAX_LISTED ? '…, ' : ''}${shown.map(formatNumber).join(', ')}`;
}

export function evaluateNumberCheck(check: NumberCheck, answer: string): CheckOutcome {
  const values = readNumbers(finalNumberText(answer));
  if (values.length === 0) return { verdict: 'fail', detail: 'no number in the answer' };
  const missing = check.expected.filter(
    (expected) => !values.some((value) => matches(expected, value, check.tolerance)),
  );
  if (missing.length === 0) {
    return { verdict: 'pass', detail: `found ${listNumbers(check.expected)}` };
  }
  return {
    verdict: 'fail',
    detail: `missing ${listNumbers(missing)}; the answer gives ${listRead(values)}`,
  };
}
