'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BattleReveal } from '@/components/battle/battle-reveal';
import { VoteBar } from '@/components/battle/vote-bar';
import { PreviewAll } from '@/components/preview/preview-all';
import { ShareButton } from '@/components/share/share-button';
import { buttonClass } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import type { RunMode } from '@/lib/api/inputs';
import { isRunning } from '@/lib/api/message-status';
import type { ConversationView, SlotView, TurnView } from '@/lib/api/views';
import { api, messageOf } from '@/lib/client/api';
import { notifyConversationsChanged } from '@/lib/client/conversation-events';
import { MessageStore } from '@/lib/client/message-store';
import { shownOf, withAttempt, withShown } from '@/lib/client/turn-attempts';
import { useBackends } from '@/lib/client/use-backends';
import { useColumnLayout } from '@/lib/client/use-column-layout';
import { useMediaQuery } from '@/lib/client/use-media-query';
import { MessageStoreContext, useMessageMetas } from '@/lib/client/use-message';
import { backendStatusOf } from './backend-status';
import { ColumnTabs } from './column-tabs';
import { CompareGrid } from './compare-grid';
import { CompareHeader } from './compare-header';
import { Composer } from './composer';
import { ExportMenu } from './export-menu';
import { HiddenColumns } from './hidden-columns';
import { slotModelInfo } from './slot-model-info';
import { type TurnActions, TurnActionsContext } from './turn-actions';

/** The compare screen: one row of answers per turn, one column per slot, one composer. */
export function CompareView({ conversation }: { conversation: ConversationView }) {
  const [store] = useState(
    () => new MessageStore(conversation.turns.flatMap((turn) => turn.messages)),
  );
  return (
    <MessageStoreContext.Provider value={store}>
      <CompareScreen conversation={conversation} store={store} />
    </MessageStoreContext.Provider>
  );
}

function CompareScreen({
  conversation,
  store,
}: {
  conversation: ConversationView;
  store: MessageStore;
}) {
  const [slots, setSlots] = useState<SlotView[]>(conversation.slots);
  const [turns, setTurns] = useState<TurnView[]>(conversation.turns);
  const [earlierTurns, setEarlierTurns] = useState(conversation.earlierTurns);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [runMode, setRunMode] = useState<RunMode>(conversation.runMode);
  const [activeTab, setActiveTab] = useState(0);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [battle, setBattle] = useState(conversation.battle);
  const [title, setTitle] = useState(conversation.title);
  // A blind battle never asks for the backends' listing: it names every model.
  const blind = battle !== null && !battle.revealed;
  const { backends, status: listing } = useBackends(null, !blind);
  const narrow = useMediaQuery('(max-width: 767.98px)', false);
  const layout = useColumnLayout(slots, narrow);

  const latest = turns[turns.length - 1];
  const latestIds = useMemo(
    () => slots.map((slot) => (latest ? (shownOf(latest, slot.id)?.id ?? '') : '')),
    [slots, latest],
  );
  const over = battle?.revealed === true;
  const turnActions = useMemo<TurnActions>(
    () => ({
      canRetry: !over,
      addAttempt(message) {
        store.seed(message);
        setTurns((now) => withAttempt(now, message));
      },
      async showAttempt(message) {
        const { message: shown } = await api.showMessage(message.id);
        setTurns((now) => withShown(now, shown));
      },
    }),
    [store, over],
  );
  const metas = useMessageMetas(latestIds);
  const previewColumns = useMemo(
    () => slots.map((slot) => ({ id: slot.id, label: slot.model })),
    [slots],
  );
  const runningIds = latestIds.filter((_, index) => {
    const meta = metas[index];
    return meta !== undefined && isRunning(meta.status);
  });
  const running = runningIds.length > 0;

  const shared = useMemo(() => {
    const counts = new Map<string, number>();
    for (const slot of slots) {
      // A blind battle's slots have no backend id (it must not hint at one).
      if (slot.backendId) counts.set(slot.backendId, (counts.get(slot.backendId) ?? 0) + 1);
    }
    return new Set(
      slots.filter((slot) => (counts.get(slot.backendId) ?? 0) > 1).map((slot) => slot.id),
    );
  }, [slots]);

  const stopAll = useCallback(
    (ids: string[]) => {
      for (const id of ids) {
        api.stopMessage(id).then(
          ({ message }) => store.settle(message),
          (caught: unknown) => setError(messageOf(caught)),
        );
      }
    },
    [store],
  );

  useEffect(() => {
    if (!running) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape in a search box clears the search; it must not stop generations too.
      if (event.target instanceof HTMLInputElement && event.target.type === 'search') return;
      event.preventDefault();
      stopAll(runningIds);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, runningIds, stopAll]);

  const firstIndex = turns[0]?.index;
  const loadEarlier = useCallback(async () => {
    if (firstIndex === undefined) return;
    setLoadingEarlier(true);
    setError(null);
    try {
      const page = await api.earlierTurns(conversation.id, firstIndex);
      for (const message of page.turns.flatMap((turn) => turn.messages)) store.seed(message);
      setTurns((previous) => [...page.turns, ...previous]);
      setEarlierTurns(page.earlierTurns);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setLoadingEarlier(false);
    }
  }, [conversation.id, firstIndex, store]);

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const { turn } = await api.addTurn(conversation.id, draft);
      for (const message of turn.messages) store.seed(message);
      setTurns((previous) => [...previous, turn]);
      setDraft('');
      notifyConversationsChanged();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSending(false);
    }
  };

  const changeRunMode = async (next: RunMode) => {
    const previous = runMode;
    setRunMode(next);
    try {
      await api.updateConversation(conversation.id, { runMode: next });
    } catch (caught) {
      setRunMode(previous);
      setError(messageOf(caught));
    }
  };

  // The vote reveals the models: the same conversation, seen without the mask.
  const revealed = (view: ConversationView) => {
    for (const message of view.turns.flatMap((turn) => turn.messages)) store.settle(message);
    setSlots(view.slots);
    setTurns(view.turns);
    setTitle(view.title);
    setBattle(view.battle);
    notifyConversationsChanged();
  };

  const parallel = runMode === 'parallel';
  const answered =
    latest !== undefined && !running && metas.some((meta) => meta?.status === 'done');
  const modelInfoOf = (slot: SlotView) => slotModelInfo(slot, turns, backends);
  return (
    <>
      <CompareHeader
        title={title}
        runMode={runMode}
        onRunModeChange={battle ? null : (next) => void changeRunMode(next)}
        actions={
          <>
            {conversation.suiteRunId && (
              <Link
                href={`/suites/runs/${conversation.suiteRunId}`}
                prefetch={false}
                className={buttonClass('ghost', 'sm')}
              >
                Suite run
              </Link>
            )}
            <PreviewAll columns={previewColumns} messageIds={latestIds} />
            <ShareButton conversationId={conversation.id} battle={battle} />
            {!blind && <ExportMenu conversationId={conversation.id} />}
            {!blind && (
              <Link
                href={`/?from=${conversation.id}`}
                data-testid="new-with-lineup"
                title="A new comparison with these models and their parameters"
                className={buttonClass('ghost', 'sm', 'max-sm:hidden')}
              >
                <PlusIcon className="size-3.5" />
                New with these models
              </Link>
            )}
          </>
        }
      />
      <ColumnTabs slots={slots} metas={metas} active={activeTab} onSelect={setActiveTab} />
      <HiddenColumns hidden={layout.hidden} onShow={layout.show} />
      <TurnActionsContext.Provider value={turnActions}>
        <CompareGrid
          conversationId={conversation.id}
          slots={slots}
          layout={layout}
          turns={turns}
          runMode={runMode}
          sharedSlots={parallel ? shared : noSlots}
          modelInfoOf={modelInfoOf}
          backendStatusOf={(slot) => backendStatusOf(slot, listing === 'ready' ? backends : null)}
          verdicts={battle === null ? 'edit' : 'none'}
          onSlotsSaved={setSlots}
          narrow={narrow}
          activeTabId={slots[activeTab]?.id ?? null}
          earlierTurns={earlierTurns}
          loadingEarlier={loadingEarlier}
          onLoadEarlier={loadEarlier}
        />
      </TurnActionsContext.Provider>
      {blind && battle.mine && (
        <VoteBar
          ready={answered}
          onVote={async (outcome) =>
            revealed((await api.vote(conversation.id, outcome)).conversation)
          }
          explanation="Which answered better? Your vote reveals both models and ends the battle."
        />
      )}
      {blind && !battle.mine && (
        <p className="shrink-0 border-t border-zinc-200 px-4 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          This battle was started in another browser: only that one can vote on it.
        </p>
      )}
      {battle && over && <BattleReveal battle={battle} slots={slots} modelInfoOf={modelInfoOf} />}
      {!over && (
        <Composer
          value={draft}
          onChange={setDraft}
          onSubmit={() => void send()}
          canSend={!running}
          sending={sending}
          error={error}
          placeholder={
            battle
              ? turns.length === 0
                ? 'Ask both models anything…'
                : 'Ask both models a follow-up, or vote…'
              : `Ask all ${slots.length} models a follow-up…`
          }
          hint={
            running ? (
              <>
                Answers are streaming · <kbd className="font-sans">Esc</kbd> stops all
              </>
            ) : undefined
          }
        />
      )}
    </>
  );
}

const noSlots: ReadonlySet<string> = new Set();
