import type { ConversationExport, ExportedTurn, ExportedVotedModel } from './conversation-json';

// Votes as preference pairs for preference tuning, one JSON object per line (JSON Lines).
//
// The format is the conversational preference format of TRL's DPOTrainer (and of most tools
// that read DPO data): `prompt`, `chosen` and `rejected` are lists of chat messages, `prompt`
// the part both answers share and `chosen` / `rejected` what each side said after it. For one
// turn that is the usual pair: the prompt (after a system message both sides had), one answer
// each. In a battle or comparison of several turns each side's later prompts went on from its
// own earlier answers, so the histories part after the first prompt: `chosen` and `rejected`
// then hold each side's whole continuation (its answer, the next prompt, its answer, …) up to the
// judged turn, rather than pairing one side's answer with a history it never saw. A trainer
// that wants only the last answers takes the last message of each.
//
// Ties and both-bad votes are kept, both answers given in lineup order as `chosen` and
// `rejected` with `tie: true` or `bothBad: true`: a DPO run drops them, a reward model or KTO
// run can use them. A named verdict on N columns gives the best one against each other one
// (N − 1 lines), a tie verdict every pair; `turn` is the judged turn's index. The models are
// the vote's own records: what the backends reported when the answers were judged.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface PreferencePair {
  prompt: ChatMessage[];
  chosen: ChatMessage[];
  rejected: ChatMessage[];
  tie?: true;
  bothBad?: true;
  chosenModel: ExportedVotedModel;
  rejectedModel: ExportedVotedModel;
  /** A battle's blind vote, or a named verdict on one turn of a comparison. */
  source: 'battle' | 'verdict';
  /** The judged turn's index (a verdict); a battle's vote judges every turn. */
  turn?: number;
  /** The answers named their models: the vote was not blind in effect (kept off the leaderboard). */
  leaked?: true;
  conversation: string;
  votedAt: string;
}

type Side = { position: number; model: ExportedVotedModel };

function shownAnswer(turn: ExportedTurn, position: number): string {
  return turn.messages.find((m) => m.slot === position && m.shown)?.content ?? '';
}

function systemPrompt(turns: ExportedTurn[], position: number): string | undefined {
  return turns[0]?.messages.find((m) => m.slot === position && m.shown)?.params.systemPrompt;
}

/** The shared prompt and each side's continuation, over `turns` (the first to the judged one). */
function dialogue(turns: ExportedTurn[], x: number, y: number) {
  const [first] = turns;
  const system = systemPrompt(turns, x);
  const prompt: ChatMessage[] = [];
  if (system && system === systemPrompt(turns, y)) prompt.push({ role: 'system', content: system });
  if (first) prompt.push({ role: 'user', content: first.prompt });
  const continuation = (position: number) =>
    turns.flatMap((turn, at): ChatMessage[] => [
      ...(at > 0 ? [{ role: 'user' as const, content: turn.prompt }] : []),
      { role: 'assistant', content: shownAnswer(turn, position) },
    ]);
  return { prompt, chosen: continuation(x), rejected: continuation(y) };
}

function sidesOf(doc: ConversationExport, models: ExportedVotedModel[]): Side[] {
  return doc.lineup.map((slot) => ({
    position: slot.position,
    model: models[slot.position] ?? {
      backendKind: slot.backend.kind,
      backendLabel: slot.backend.label,
      model: slot.model,
      digest: null,
      quantization: null,
      parameterSize: null,
      params: slot.params,
    },
  }));
}

function pair(
  doc: ConversationExport,
  turns: ExportedTurn[],
  [chosen, rejected]: [Side, Side],
  extra: Pick<PreferencePair, 'source' | 'votedAt' | 'turn' | 'tie' | 'bothBad' | 'leaked'>,
): PreferencePair {
  return {
    ...dialogue(turns, chosen.position, rejected.position),
    ...extra,
    chosenModel: chosen.model,
    rejectedModel: rejected.model,
    conversation: doc.title,
  };
}

function battlePairs(doc: ConversationExport): PreferencePair[] {
  const { vote } = doc;
  const [a, b] = sidesOf(doc, vote?.models ?? []);
  if (!vote || !a || !b) return [];
  const extra = {
    source: 'battle' as const,
    votedAt: vote.createdAt,
    ...(vote.outcome === 'tie' ? { tie: true as const } : {}),
    ...(vote.outcome === 'bothbad' ? { bothBad: true as const } : {}),
    ...(vote.leaked ? { leaked: true as const } : {}),
  };
  return [pair(doc, doc.turns, vote.outcome === 'b' ? [b, a] : [a, b], extra)];
}

function verdictPairs(doc: ConversationExport): PreferencePair[] {
  return doc.verdicts.flatMap((verdict) => {
    const turns = doc.turns.filter((turn) => turn.index <= verdict.turn);
    const sides = sidesOf(doc, verdict.models);
    const extra = { source: 'verdict' as const, votedAt: verdict.createdAt, turn: verdict.turn };
    const pairs: PreferencePair[] = [];
    for (const [at, x] of sides.entries()) {
      for (const y of sides.slice(at + 1)) {
        if (verdict.best === 'tie') pairs.push(pair(doc, turns, [x, y], { ...extra, tie: true }));
        else if (x.position === verdict.best) pairs.push(pair(doc, turns, [x, y], extra));
        else if (y.position === verdict.best) pairs.push(pair(doc, turns, [y, x], extra));
      }
    }
    return pairs;
  });
}

/** Every vote and verdict of an exported conversation, as preference pairs. */
export function preferencePairs(doc: ConversationExport): PreferencePair[] {
  return [...battlePairs(doc), ...verdictPairs(doc)];
}

/** Pairs as JSON Lines: one object per line, each line ending with a line break. */
export function toJsonLines(pairs: readonly PreferencePair[]): string {
  return pairs.map((line) => `${JSON.stringify(line)}\n`).join('');
}
