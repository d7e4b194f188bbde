import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';

/** Asks before a change that cannot be undone: what it will do, then do it or not. */
export function ConfirmBar({
  label,
  action,
  testId,
  onConfirm,
  onCancel,
  children,
}: {
  /** The question, for screen readers ("Remove GPU box?"). */
  label: string;
  /** The confirming button's word ("Remove", "Delete"). */
  action: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div
      role="alertdialog"
      aria-label={label}
      className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm dark:bg-red-950/40"
    >
      <p className="min-w-0 flex-1 text-red-800 dark:text-red-300">{children}</p>
      <button
        type="button"
        data-testid={testId}
        onClick={onConfirm}
        className={buttonClass('danger', 'sm')}
      >
        {action}
      </button>
      <button type="button" onClick={onCancel} className={buttonClass('ghost', 'sm')}>
        Cancel
      </button>
    </div>
  );
}
