import type { ConversationView } from '@/lib/api/views';

/** What a link preview shows of a share: the same facts as its page, in a few words. */
export interface ShareCard {
  prompt: string;
  columns: { name: string; tokensPerSecond: number | null }[];
  /** "deepseek-r1:32b won", "Best: …", "Tie"; null when there is no verdict (or it is blind). */
  outcome: string | null;
  blind: boolean;
  turns: number;
}

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
export function describeShare(view: ConversationView): ShareCard {
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

/** One line for a link preview's description. */
export function shareDescription(card: ShareCard): string {
  const names = card.columns.map((column) => column.name).join(' vs ');
  if (card.blind) return `${names} · a blind challenge: vote before you see who is who.`;
  const rates = card.columns.every((column) => column.tokensPerSecond !== null)
    ? ` · ${card.columns.map((column) => Math.round(column.tokensPerSecond ?? 0)).join(' vs ')} tok/s`
    : '';
  return `${names}${rates}${card.outcome ? ` · ${card.outcome}` : ''}`;
}
