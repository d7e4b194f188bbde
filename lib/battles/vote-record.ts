import { type IdentityLeak, identityLeak } from '@/lib/arena/identity-leaks';
import { styleCountsOf } from '@/lib/arena/style-counts';
import { parseJsonColumn } from '@/lib/conversations/parse-json';
import { modelInfoSchema } from '@/lib/conversations/to-view';
import { AppError } from '@/lib/errors';
import { type VotedSlot, votedModel } from './voted-model';

/** A battle as its vote reads it: both sides, and every turn's answers. */
export interface JudgedBattle {
  slots: (VotedSlot & { id: string })[];
  turns: {
    messages: {
      slotId: string;
      shown: boolean;
      content: string;
      reasoning: string;
      modelInfo: string;
    }[];
  }[];
}

/** What a blind vote keeps besides its outcome, as the Vote row's columns hold it. */
export interface VoteRecord {
  /** JSON: both sides' models, by slot position. */
  models: string;
  /** JSON: both sides' style counts, by slot position. */
  style: string;
  turns: number;
  leaked: boolean;
  leakReason: string | null;
}

/** One side's answers on show, turn by turn. */
function shownOf(battle: JudgedBattle, slotId: string) {
  return battle.turns.flatMap((turn) =>
    turn.messages.filter((message) => message.slotId === slotId && message.shown),
  );
}

function sideModel(battle: JudgedBattle, position: number) {
  const slot = battle.slots[position];
  if (!slot) throw new AppError('internal', 'A battle without two sides.');
  return votedModel(slot, shownOf(battle, slot.id).at(-1)?.modelInfo);
}

/** What the two sides said of themselves, if it told the voter which is which. */
function leakOf(battle: JudgedBattle): IdentityLeak {
  const [a, b] = battle.slots.map((slot) => {
    const shown = shownOf(battle, slot.id);
    const info = parseJsonColumn(modelInfoSchema, shown.at(-1)?.modelInfo ?? '{}');
    return {
      texts: shown.flatMap((message) => [message.reasoning, message.content]),
      model: { model: slot.model, family: info.family },
    };
  });
  return a && b ? identityLeak(a, b) : { leaked: false };
}

/** Each side's lengths and Markdown over all its answers on show, by slot position. */
function styleOf(battle: JudgedBattle) {
  return battle.slots.map((slot) => {
    const shown = shownOf(battle, slot.id);
    return styleCountsOf({
      answer: shown.map((message) => message.content).join('\n\n'),
      reasoning: shown.map((message) => message.reasoning).join('\n\n'),
    });
  });
}

/**
 * What a blind vote on this battle records: the models as they answered, each side's style for
 * style control, and whether the answers named their models (kept, but not ranked). The
 * battle's own vote and a blind challenge's recipients (lib/shares) record the same.
 */
export function voteRecordOf(battle: JudgedBattle): VoteRecord {
  const leak = leakOf(battle);
  return {
    models: JSON.stringify([sideModel(battle, 0), sideModel(battle, 1)]),
    style: JSON.stringify(styleOf(battle)),
    turns: battle.turns.length,
    leaked: leak.leaked,
    leakReason: leak.leaked ? leak.reason : null,
  };
}
