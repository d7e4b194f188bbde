import type { MessageStatus } from '@/lib/api/views';

const pill: Record<MessageStatus, string> = {
  pending:
    'bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
  streaming:
    'bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950/60 dark:text-indigo-300 dark:ring-indigo-900',
  done: 'bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900',
  stopped:
    'bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
  error:
    'bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900',
  interrupted:
    'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900',
};

const dot: Record<MessageStatus, string> = {
  pending: 'bg-zinc-400 dark:bg-zinc-500',
  streaming: 'bg-indigo-500 animate-soft-pulse',
  done: 'bg-emerald-500',
  stopped: 'bg-zinc-400 dark:bg-zinc-500',
  error: 'bg-red-500',
  interrupted: 'bg-amber-500',
};

export function StatusDot({
  status,
  className = '',
}: {
  status: MessageStatus;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-1.5 shrink-0 rounded-full ${dot[status]} ${className}`}
    />
  );
}

/** The status word itself is the label, so tests and screen readers read the same thing. */
export function StatusPill({ status, testId }: { status: MessageStatus; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex h-5 items-center gap-1.5 rounded-full px-2 text-[11px] font-medium ring-1 ring-inset ${pill[status]}`}
    >
      <StatusDot status={status} />
      {status}
    </span>
  );
}
