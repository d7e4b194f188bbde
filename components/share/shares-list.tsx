'use client';

import { useState } from 'react';
import type { ShareSummary } from '@/lib/api/views';
import { ShareRow } from './share-row';

/** The Shares page's list: each link with its conversation, newest first. */
export function SharesList({ initial }: { initial: ShareSummary[] }) {
  const [shares, setShares] = useState(initial);
  return (
    <section className="mx-auto w-full max-w-2xl px-4 py-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Read-only links to your conversations. A revoked link answers “not found” at once; an update
        adds the prompts asked since it was made. Share a conversation from its page.
      </p>
      {shares.length === 0 ? (
        <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">No share links yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-zinc-200 dark:divide-zinc-800">
          {shares.map((share) => (
            <ShareRow
              key={share.id}
              share={share}
              showTitle
              onChange={(next) =>
                setShares((now) => now.map((other) => (other.id === next.id ? next : other)))
              }
              onRevoked={(id) => setShares((now) => now.filter((other) => other.id !== id))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
