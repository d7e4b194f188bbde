'use client';

import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { ShareIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import type { BattleView, ShareSummary } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { type ShareOptions, ShareOptionsFields } from './share-options';
import { ShareRow } from './share-row';

/**
 * "Share" on a conversation: a read-only link of it as it is now, with its options, and the
 * links made before (update to later turns, revoke). A battle not yet voted on can only be
 * shared as a blind challenge.
 */
export function ShareButton({
  conversationId,
  battle,
}: {
  conversationId: string;
  battle: BattleView | null;
}) {
  const blindChoice = battle === null ? 'none' : battle.revealed ? 'free' : 'forced';
  const [open, setOpen] = useState(false);
  const [shares, setShares] = useState<ShareSummary[] | null>(null);
  const [options, setOptions] = useState<ShareOptions>({
    blind: blindChoice === 'forced',
    showOwner: false,
    indexable: false,
    expiresInDays: null,
  });
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (next: boolean) => {
    setOpen(next);
    if (!next) return;
    setError(null);
    setOptions((now) => ({ ...now, blind: blindChoice === 'forced' || now.blind }));
    api.listShares(conversationId).then(
      ({ shares: listed }) => setShares(listed),
      (caught: unknown) => setError(messageOf(caught)),
    );
  };

  const create = async () => {
    setCreating(true);
    setError(null);
    try {
      const { share } = await api.createShare(conversationId, {
        ...options,
        blind: blindChoice !== 'none' && options.blind,
      });
      setShares((now) => [share, ...(now ?? [])]);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setCreating(false);
    }
  };

  const replace = (share: ShareSummary) =>
    setShares((now) => now?.map((other) => (other.id === share.id ? share : other)) ?? null);
  const remove = (id: string) =>
    setShares((now) => now?.filter((other) => other.id !== id) ?? null);

  return (
    <Popover
      open={open}
      onOpenChange={toggle}
      align="end"
      label="Share this conversation"
      trigger={(props) => (
        <button
          type="button"
          {...props}
          data-testid="share-button"
          title="A read-only link to this conversation"
          className={buttonClass('ghost', 'sm')}
        >
          <ShareIcon className="size-3.5" />
          <span className="max-sm:sr-only">Share</span>
        </button>
      )}
    >
      <div className="grid w-80 max-w-[calc(100vw-2rem)] gap-3">
        <div>
          <h2 className="text-sm font-semibold">Share a read-only link</h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Anyone with the link sees the answers, reasoning and speeds as they are now, and nothing
            else of this instance. Later prompts join it only when you update it.
          </p>
        </div>
        <ShareOptionsFields value={options} onChange={setOptions} blindChoice={blindChoice} />
        <Button
          variant="primary"
          size="sm"
          data-testid="create-share"
          disabled={creating}
          onClick={() => void create()}
        >
          {creating ? 'Creating…' : 'Create link'}
        </Button>
        {error && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        {shares && shares.length > 0 && (
          <ul
            aria-label="Links to this conversation"
            className="max-h-64 divide-y divide-zinc-200 overflow-y-auto border-t border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          >
            {shares.map((share) => (
              <ShareRow key={share.id} share={share} onChange={replace} onRevoked={remove} />
            ))}
          </ul>
        )}
      </div>
    </Popover>
  );
}
