'use client';

import { useState } from 'react';
import { ParamsFields } from '@/components/lineup/params-fields';
import { Button, buttonClass } from '@/components/ui/button';
import { SlidersIcon } from '@/components/ui/icons';
import { Popover } from '@/components/ui/popover';
import type { SlotParams } from '@/lib/api/inputs';
import type { SlotView } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { paramsSummary } from './format';

/**
 * A slot's parameters one click away; saved ones apply to later prompts and retries. Without
 * `onSaved` (a share page) they are shown, not changed.
 */
export function SlotParamsButton({
  conversationId,
  slot,
  showThink,
  onSaved,
  align,
}: {
  conversationId: string;
  slot: SlotView;
  showThink: boolean;
  onSaved: ((slots: SlotView[]) => void) | null;
  align: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<SlotParams>(slot.params);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (next: boolean) => {
    if (next) {
      setDraft(slot.params);
      setError(null);
    }
    setOpen(next);
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const { conversation } = await api.updateSlot(conversationId, slot.id, draft);
      onSaved?.(conversation.slots);
      setOpen(false);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={toggle}
      align={align}
      label={`Parameters of ${slot.model}`}
      trigger={(props) => (
        <button
          type="button"
          {...props}
          title="Parameters"
          className={buttonClass(
            'ghost',
            'sm',
            'max-w-36 gap-1 px-1.5 font-mono text-[11px] font-normal',
          )}
        >
          <SlidersIcon className="size-3.5 shrink-0" />
          <span className="truncate">{paramsSummary(slot.params)}</span>
        </button>
      )}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        className="grid gap-3"
      >
        <div>
          <h3 className="text-sm font-semibold">Parameters</h3>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {onSaved
              ? 'Apply to the next prompts and retries; earlier answers keep the ones they used.'
              : 'What this column’s answers were asked with.'}
          </p>
        </div>
        <fieldset disabled={!onSaved} className="contents">
          <ParamsFields value={draft} onChange={setDraft} showThink={showThink} />
        </fieldset>
        {error && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        {onSaved && (
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </Button>
          </div>
        )}
      </form>
    </Popover>
  );
}
