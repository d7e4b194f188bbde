export { describeCheck } from './describe-check';
export { evaluateCheck } from './evaluate-check';
export type { CheckOutcome, CheckVerdict, SuiteCheck } from './schema';
export { suiteCheckSchema } from './schema';
