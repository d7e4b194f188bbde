'use client';

import { useEffect, useState } from 'react';
import { copyText } from '@/lib/client/copy-text';
import { buttonClass } from './button';
import { CheckIcon, CopyIcon } from './icons';

/** A small "Copy" button that says "Copied" for a moment once it worked. */
export function CopyButton({
  text,
  label = 'Copy',
  title,
  className = '',
  testId,
}: {
  text: () => string;
  label?: string;
  title?: string;
  className?: string;
  testId?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      data-testid={testId}
      title={title}
      onClick={() => void copyText(text()).then((ok) => setState(ok ? 'copied' : 'failed'))}
      className={buttonClass('ghost', 'sm', `h-6 px-1.5 text-[11px] ${className}`)}
    >
      {state === 'copied' ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
      </span>
    </button>
  );
}
