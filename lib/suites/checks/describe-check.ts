import { formatNumber } from './format-number';
import type { SuiteCheck } from './schema';

/** One line for the suite editor: "Numbers 12, 13 (±0)", "Judge by hand". */
export function describeCheck(check: SuiteCheck): string {
  switch (check.kind) {
    case 'number': {
      const noun = check.expected.length === 1 ? 'Number' : 'Numbers';
      const values = check.expected.map(formatNumber).join(', ');
      return `${noun} ${values} (±${formatNumber(check.tolerance)})`;
    }
    case 'match': {
      const anyCase = check.caseSensitive ? '' : ', any case';
      return check.mode === 'exact'
        ? `Answer is "${check.pattern}"${anyCase}`
        : `Matches /${check.pattern}/${anyCase}`;
    }
    case 'line-starts':
      return `Lines start with ${check.starts.replace(/\s/gu, '')}`;
    case 'manual':
      return 'Judge by hand';
  }
}
