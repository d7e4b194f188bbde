'use client';

import { useMemo, useState } from 'react';
import { BattleReveal } from '@/components/battle/battle-reveal';
import { VoteBar } from '@/components/battle/vote-bar';
import { ColumnTabs } from '@/components/chat/column-tabs';
import { CompareGrid } from '@/components/chat/compare-grid';
import { HiddenColumns } from '@/components/chat/hidden-columns';
import { slotModelInfo } from '@/components/chat/slot-model-info';
import { type TurnActions, TurnActionsContext } from '@/components/chat/turn-actions';
import { PreviewAll } from '@/components/preview/preview-all';
import type { SharedConversation, SlotView } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { MessageStore } from '@/lib/client/message-store';
import { shownOf } from '@/lib/client/turn-attempts';
import { useColumnLayout } from '@/lib/client/use-column-layout';
import { useMediaQuery } from '@/lib/client/use-media-query';
import { MessageStoreContext, useMessageMetas } from '@/lib/client/use-message';
import { ShareHeader } from './share-header';

/** Nothing on a share page changes the conversation: no retry, no other attempt. */
const readOnly: TurnActions = {
  canRetry: false,
  addAttempt() {},
  async showAttempt() {},
};

const noSlots: ReadonlySet<string> = new Set();
const noBackends: [] = [];

/**
 * A share page: the comparison as it was shared, read-only, in the same columns and rows as
 * the compare view. A blind challenge shows Model A / Model B and the vote until the recipient
 * votes; then the names, the owner's vote and everyone's.
 */
export function SharedView({ slug, initial }: { slug: string; initial: SharedConversation }) {
  const [store] = useState(
    () => new MessageStore(initial.conversation.turns.flatMap((turn) => turn.messages)),
  );
  return (
    <MessageStoreContext.Provider value={store}>
      <SharedScreen slug={slug} initial={initial} store={store} />
    </MessageStoreContext.Provider>
  );
}

function SharedScreen({
  slug,
  initial,
  store,
}: {
  slug: string;
  initial: SharedConversation;
  store: MessageStore;
}) {
  const [shared, setShared] = useState(initial);
  const { conversation, share } = shared;
  const { slots, battle } = conversation;
  const [activeTab, setActiveTab] = useState(0);
  const [turns, setTurns] = useState(initial.conversation.turns);
  const [earlierTurns, setEarlierTurns] = useState(initial.conversation.earlierTurns);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const narrow = useMediaQuery('(max-width: 767.98px)', false);
  const layout = useColumnLayout(slots, narrow);
  const latest = turns.at(-1);
  const latestIds = useMemo(
    () => slots.map((slot) => (latest ? (shownOf(latest, slot.id)?.id ?? '') : '')),
    [slots, latest],
  );
  const metas = useMessageMetas(latestIds);
  const previewColumns = useMemo(
    () => slots.map((slot) => ({ id: slot.id, label: slot.model })),
    [slots],
  );
  const modelInfoOf = (slot: SlotView) => slotModelInfo(slot, turns, noBackends);
  const blind = battle !== null && !battle.revealed;

  const vote = async (outcome: Parameters<typeof api.voteOnShare>[1]) => {
    const next = await api.voteOnShare(slug, outcome);
    for (const message of next.conversation.turns.flatMap((turn) => turn.messages)) {
      store.settle(message);
    }
    setShared(next);
    setTurns(next.conversation.turns);
    setEarlierTurns(next.conversation.earlierTurns);
  };

  const firstIndex = turns[0]?.index;
  const loadEarlier = async () => {
    if (firstIndex === undefined) return;
    setLoadingEarlier(true);
    setError(null);
    try {
      const page = await api.earlierSharedTurns(slug, firstIndex);
      for (const message of page.turns.flatMap((turn) => turn.messages)) store.seed(message);
      setTurns((now) => [...page.turns, ...now]);
      setEarlierTurns(page.earlierTurns);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setLoadingEarlier(false);
    }
  };

  return (
    <>
      <ShareHeader
        title={conversation.title}
        share={share}
        turns={turns.length}
        actions={<PreviewAll columns={previewColumns} messageIds={latestIds} />}
      />
      <ColumnTabs slots={slots} metas={metas} active={activeTab} onSelect={setActiveTab} />
      <HiddenColumns hidden={layout.hidden} onShow={layout.show} />
      {error && (
        <p role="alert" className="shrink-0 px-4 py-2 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <TurnActionsContext.Provider value={readOnly}>
        <CompareGrid
          conversationId=""
          slots={slots}
          layout={layout}
          turns={turns}
          runMode={conversation.runMode}
          sharedSlots={noSlots}
          modelInfoOf={modelInfoOf}
          verdicts={battle === null ? 'show' : 'none'}
          onSlotsSaved={null}
          narrow={narrow}
          activeTabId={slots[activeTab]?.id ?? null}
          earlierTurns={earlierTurns}
          loadingEarlier={loadingEarlier}
          onLoadEarlier={() => void loadEarlier()}
        />
      </TurnActionsContext.Provider>
      {blind && (
        <VoteBar
          ready
          onVote={vote}
          explanation="Which answered better? Vote to see which model is which, and how others voted."
        />
      )}
      {battle && !blind && (
        <BattleReveal
          battle={battle}
          slots={slots}
          modelInfoOf={modelInfoOf}
          shared={{ vote: share.vote, tally: share.tally }}
        />
      )}
    </>
  );
}
