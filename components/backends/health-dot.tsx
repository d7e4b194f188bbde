import type { BackendHealthView } from '@/lib/api/views';

/** A backend's status as a dot: up, down (with why, on hover), unknown yet, or disabled. */
export function HealthDot({
  enabled = true,
  health,
  className = '',
}: {
  enabled?: boolean;
  health: BackendHealthView | undefined;
  className?: string;
}) {
  const [color, words] = !enabled
    ? ['bg-zinc-300 dark:bg-zinc-600', 'disabled']
    : !health
      ? ['bg-zinc-400 dark:bg-zinc-500', 'not checked yet']
      : health.status === 'ok'
        ? ['bg-emerald-500', 'up']
        : ['bg-red-500', `down: ${health.error?.message ?? 'unreachable'}`];
  const checked = health ? ` (checked ${new Date(health.checkedAt).toLocaleTimeString()})` : '';
  return (
    <span
      role="img"
      data-testid="health-dot"
      data-health={!enabled ? 'disabled' : (health?.status ?? 'unknown')}
      aria-label={`Status: ${words}`}
      title={`${words}${checked}`}
      className={`inline-block size-2 shrink-0 rounded-full ${color} ${className}`}
    />
  );
}
