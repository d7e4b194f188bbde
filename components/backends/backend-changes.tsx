import type { BackendAuditView } from '@/lib/api/views';

/** An audited change in words: `label: Ollama → GPU box`, `API key changed`. */
function changeText(change: BackendAuditView): string {
  const parts = Object.entries(change.changes).map(([field, value]) => {
    const { from, to, changed } = (value ?? {}) as { from?: unknown; to?: unknown; changed?: true };
    const name = field === 'apiKey' ? 'API key' : field === 'baseUrl' ? 'base URL' : field;
    if (changed) return `${name} changed`;
    if (from === undefined) return `${name} ${String(to)}`;
    if (to === undefined) return `${name} ${String(from)}`;
    return `${name}: ${String(from)} → ${String(to)}`;
  });
  return parts.join('; ');
}

/** Who changed which backend, what and when: the latest first. */
export function BackendChanges({ changes }: { changes: BackendAuditView[] }) {
  if (changes.length === 0) {
    return <p className="text-xs text-zinc-600 dark:text-zinc-400">No changes yet.</p>;
  }
  return (
    <ol className="grid gap-1 text-xs" data-testid="backend-changes">
      {changes.map((change) => (
        <li key={change.id} data-testid="backend-change" className="flex flex-wrap gap-x-2">
          <time
            dateTime={change.createdAt}
            className="text-zinc-500 tabular-nums dark:text-zinc-400"
          >
            {new Date(change.createdAt).toLocaleString()}
          </time>
          <span className="font-medium">{change.actorName}</span>
          <span>
            {change.action.replace('-', ' ')}{' '}
            <span className="font-medium">{change.backendLabel}</span>
          </span>
          <span className="text-zinc-600 dark:text-zinc-400">{changeText(change)}</span>
        </li>
      ))}
    </ol>
  );
}
