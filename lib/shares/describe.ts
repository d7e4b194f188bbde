import type { ConversationView } from '@/lib/api/views';
import { type PreviewCard, previewCardText } from './preview-card';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function outcomeOf(view: ConversationView): string | null {
  const name = (position: number) => view.slots.find((slot) => slot.position === position)?.model;
  if (view.battle) {
    const vote = view.battle.revealed ? view.battle.vote : null;
    if (!vote) return null;
    if (vote.outcome === 'tie') return 'Tie';
    if (vote.outcome === 'bothbad') return 'Both bad';
    return `${name(vote.outcome === 'a' ? 0 : 1)} won`;
  }
  const verdict = view.turns.findLast((turn) => turn.verdict !== null)?.verdict ?? null;
  if (verdict === null) return null;
  return verdict === 'tie' ? 'Tie' : `Best: ${name(verdict)}`;
}

/**
 * A share described from its projected view, so a blind challenge's description is as blind as
 * its page: each column's median speed over its finished answers, and the verdict or vote.
 */
export function describeShare(view: ConversationView): PreviewCard {
  const blind = view.battle !== null && !view.battle.revealed;
  const rates = (slotId: string) =>
    view.turns.flatMap((turn) =>
      turn.messages.flatMap((message) =>
        message.slotId === slotId && message.shown && message.status === 'done'
          ? (message.metrics.tokensPerSecond ?? [])
          : [],
      ),
    );
  return {
    prompt: view.turns[0]?.prompt ?? '',
    columns: view.slots.map((slot) => ({
      name: slot.model,
      tokensPerSecond: blind ? null : median(rates(slot.id)),
    })),
    outcome: blind ? null : outcomeOf(view),
    blind,
    turns: view.turns.length,
  };
}

/** One line for a link preview's description: the card's words, as its image has them. */
export function shareDescription(card: PreviewCard): string {
  const text = previewCardText(card);
  return [text.title, text.summary].filter(Boolean).join(' · ');
}
