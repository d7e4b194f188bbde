import { z } from 'zod';

export const MAX_PATTERN_LENGTH = 500;

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const numberCheck = z.object({
  kind: z.literal('number'),
  expected: z.array(z.number().finite()).min(1).max(10),
  tolerance: z.number().finite().min(0),
});

const matchCheck = z
  .object({
    kind: z.literal('match'),
    mode: z.enum(['exact', 'regex']),
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
    caseSensitive: z.boolean(),
  })
  .refine((check) => check.mode !== 'regex' || compiles(check.pattern), {
    message: 'Not a valid regular expression',
    path: ['pattern'],
  });

const lineStartsCheck = z.object({
  kind: z.literal('line-starts'),
  // An acrostic longer than a hundred lines is not a prompt anyone writes; the cap bounds the work.
  starts: z
    .string()
    .max(100)
    .refine((starts) => starts.trim().length > 0, 'Give at least one character'),
});

const manualCheck = z.object({ kind: z.literal('manual') });

/** Validates a check as it arrives from the suite editor in the browser. */
export const suiteCheckSchema = z.discriminatedUnion('kind', [
  numberCheck,
  matchCheck,
  lineStartsCheck,
  manualCheck,
]);

export type SuiteCheck = z.infer<typeof suiteCheckSchema>;
export type CheckVerdict = 'pass' | 'fail' | 'judge';
export interface CheckOutcome {
  verdict: CheckVerdict;
  /** Short, shown to the user beside the verdict. */
  detail: string;
}
