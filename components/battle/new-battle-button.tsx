'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { messageOf } from '@/lib/client/api';
import { startBattleFromSavedPool } from '@/lib/client/battle-pool';
import { notifyConversationsChanged } from '@/lib/client/conversation-events';

/** "New battle": the next battle from the same pool, by click or the N key. */
export function NewBattleButton({
  variant = 'secondary',
  withKey = false,
}: {
  variant?: 'primary' | 'secondary' | 'ghost';
  /** Listen for N (once the battle is over, it is the next thing to do). */
  withKey?: boolean;
}) {
  const router = useRouter();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setError(null);
    try {
      const id = await startBattleFromSavedPool();
      notifyConversationsChanged();
      router.push(`/c/${id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setStarting(false);
    }
  };

  useEffect(() => {
    if (!withKey) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.defaultPrevented || isTyping(event)) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      event.preventDefault();
      void start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        data-testid="new-battle"
        disabled={starting}
        onClick={() => void start()}
        className={buttonClass(variant, 'md')}
      >
        {starting ? 'Starting…' : 'New battle'}
        {withKey && (
          <kbd className="rounded border border-current/25 px-1 font-sans text-[10px] opacity-80">
            N
          </kbd>
        )}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}

/** A key typed into a field is text, not a shortcut. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}
