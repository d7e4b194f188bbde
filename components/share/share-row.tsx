'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { ShareSummary } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';

/** The link as the recipient will open it. */
export function shareUrl(share: ShareSummary): string {
  return `${window.location.origin}${share.path}`;
}

/** The share's options and state, in a few words. */
function facts(share: ShareSummary): string {
  return [
    share.blind && `blind · ${share.votes} ${share.votes === 1 ? 'vote' : 'votes'}`,
    `${share.turns} ${share.turns === 1 ? 'prompt' : 'prompts'}`,
    share.showOwner ? 'shows your name' : 'anonymous',
    share.indexable && 'indexable',
    share.expiresAt ? `expires ${share.expiresAt.slice(0, 10)}` : 'no expiry',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One share link: open or copy it, bring it up to date with the conversation's later turns,
 * or revoke it (the link answers 404 from then on).
 */
export function ShareRow({
  share,
  onChange,
  onRevoked,
  showTitle = false,
}: {
  share: ShareSummary;
  onChange: (share: ShareSummary) => void;
  onRevoked: (id: string) => void;
  showTitle?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newer = share.conversationTurns - share.turns;

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-testid="share-row" className="grid gap-1 py-2">
      {showTitle && (
        <a href={`/c/${share.conversationId}`} className="truncate text-sm font-medium underline">
          {share.title}
        </a>
      )}
      <div className="flex min-w-0 items-center gap-1">
        <a
          href={share.path}
          target="_blank"
          rel="noreferrer"
          data-testid="share-link"
          className="min-w-0 flex-1 truncate font-mono text-xs text-indigo-700 underline dark:text-indigo-400"
        >
          {share.path}
        </a>
        <CopyButton text={() => shareUrl(share)} label="Copy link" testId="copy-share-link" />
      </div>
      <p className="text-[11px] text-zinc-600 dark:text-zinc-400">{facts(share)}</p>
      <div className="flex flex-wrap items-center gap-1">
        {newer > 0 && (
          <Button
            size="sm"
            variant="ghost"
            data-testid="update-share"
            disabled={busy}
            onClick={() =>
              void act(async () =>
                onChange((await api.updateShare(share.id, { refresh: true })).share),
              )
            }
          >
            Add {newer} newer {newer === 1 ? 'prompt' : 'prompts'}
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          data-testid="revoke-share"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              await api.revokeShare(share.id);
              onRevoked(share.id);
            })
          }
          className="text-red-700 dark:text-red-400"
        >
          Revoke
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </li>
  );
}
