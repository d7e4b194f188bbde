import type { BackendTestView } from '@/lib/api/views';
import { ModelDetails } from './model-details';

/** "Test connection"'s answer: the server's version and models, or the exact reason it failed. */
export function TestResult({ result }: { result: BackendTestView }) {
  if (!result.ok) {
    return (
      <div
        role="status"
        data-testid="test-result"
        data-ok="false"
        className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300"
      >
        <p className="font-medium">Connection failed ({result.error.code.replaceAll('_', ' ')})</p>
        <p data-testid="test-error">{result.error.message}</p>
      </div>
    );
  }
  return (
    <div
      role="status"
      data-testid="test-result"
      data-ok="true"
      className="grid gap-2 rounded-md bg-emerald-50 px-3 py-2 dark:bg-emerald-950/30"
    >
      <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
        Connected{result.version ? ` · version ${result.version}` : ''} · {result.models.length}{' '}
        model{result.models.length === 1 ? '' : 's'} · {result.ms} ms
      </p>
      <ModelDetails models={result.models} />
    </div>
  );
}
