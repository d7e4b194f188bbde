import { type MetricPart, metricParts, modelHint, paramsSummary } from '@/components/chat/format';
import type { BattleOutcome } from '@/lib/api/inputs';
import { sideName } from '@/lib/battles/blind';
import type {
  ConversationExport,
  ExportedMessage,
  ExportedSlot,
  ExportedTurn,
} from './conversation-json';

// A conversation as a Markdown page a person reads: the lineup, then each turn's prompt and every
// column's answer on show, its reasoning folded away, its figures, and the verdicts or the vote.
// The JSON file is the lossless one; this one leaves out earlier attempts' text.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Text whose every line break shows as one. The app renders a single line break as a break
 * (remark-breaks), so an acrostic poem keeps its lines; plain Markdown would run them into one
 * paragraph. Two trailing spaces make a hard break in a paragraph and are ignored elsewhere
 * (headings, list markers, table rows); lines inside fenced code are left as they are.
 */
export function withHardBreaks(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let fence: string | null = null;
  return lines
    .map((line, index) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      const next = lines[index + 1];
      const breaks = line.trim() !== '' && next !== undefined && next.trim() !== '';
      return breaks && !/( {2}|\\)$/.test(line) ? `${line}  ` : line;
    })
    .join('\n');
}

const quote = (text: string) =>
  withHardBreaks(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** Nothing in a model's text may close the `<details>` it is folded into. */
const inDetails = (text: string) => text.replace(/<\/details>/gi, '&lt;/details&gt;');

const SHOWN_METRICS: MetricPart['key'][] = ['ttft', 'rate', 'tokens', 'total'];

function metricsLine(message: ExportedMessage): string {
  const parts = metricParts(message.metrics)
    .filter((part) => SHOWN_METRICS.includes(part.key))
    .map((part) => (part.key === 'total' ? `total ${part.text}` : part.text));
  return parts.join(' · ');
}

function columnName(doc: ConversationExport, slot: ExportedSlot): string {
  const name = `${slot.model} · ${slot.backend.label}`;
  return doc.mode === 'battle' ? `${sideName(slot.position)}: ${name}` : name;
}

function lineup(doc: ConversationExport): string[] {
  const hints = new Map<number, string>();
  for (const message of doc.turns.flatMap((turn) => turn.messages)) {
    const hint = modelHint(message.modelInfo);
    if (hint) hints.set(message.slot, hint);
  }
  return doc.lineup.map((slot) => {
    const params = Object.keys(slot.params).length > 0 ? paramsSummary(slot.params) : '';
    const facts = [slot.backend.kind, hints.get(slot.position), params];
    const system = slot.params.systemPrompt
      ? `\n\n   System prompt:\n\n${quote(slot.params.systemPrompt).replace(/^/gm, '   ')}`
      : '';
    return `${slot.position + 1}. **${columnName(doc, slot)}** (${facts.filter(Boolean).join(' · ')})${system}`;
  });
}

const STATUS_NOTES: Partial<Record<ExportedMessage['status'], string>> = {
  stopped: 'Stopped',
  error: 'Failed',
  interrupted: 'Interrupted',
  pending: 'Not started',
  streaming: 'Still being written',
};

function answer(doc: ConversationExport, turn: ExportedTurn, slot: ExportedSlot): string[] {
  const attempts = turn.messages.filter((message) => message.slot === slot.position);
  const shown = attempts.find((message) => message.shown);
  const out = [`### ${columnName(doc, slot)}`];
  if (!shown) return [...out, '_No answer._'];
  if (shown.reasoning) {
    const seconds = shown.metrics.reasoningMs;
    const summary = seconds === null ? 'Reasoning' : `Thought for ${(seconds / 1000).toFixed(1)} s`;
    out.push(
      `<details>\n<summary>${summary}</summary>\n\n${withHardBreaks(inDetails(shown.reasoning))}\n\n</details>`,
    );
  }
  if (shown.content) out.push(withHardBreaks(shown.content));
  const note = STATUS_NOTES[shown.status];
  if (note) out.push(`**${note}**${shown.error ? `: ${shown.error.message}` : '.'}`);
  const figures = metricsLine(shown);
  const attempt = attempts.length > 1 ? `attempt ${shown.attempt} of ${attempts.length}` : '';
  const line = [figures, attempt].filter(Boolean).join(' · ');
  if (line) out.push(`<sub>${line}</sub>`);
  return out;
}

function verdictLine(doc: ConversationExport, turn: ExportedTurn): string[] {
  const verdict = doc.verdicts.find((candidate) => candidate.turn === turn.index);
  if (!verdict) return [];
  const best = verdict.best === 'tie' ? undefined : doc.lineup[verdict.best];
  return [`**Verdict:** ${best ? `${columnName(doc, best)} was best` : 'a tie'}.`];
}

function voteOutcome(doc: ConversationExport, outcome: BattleOutcome): string {
  if (outcome === 'tie') return 'a tie';
  if (outcome === 'bothbad') return 'both bad';
  const winner = doc.lineup[outcome === 'a' ? 0 : 1];
  return `${winner ? columnName(doc, winner) : outcome} won`;
}

function voteSection(doc: ConversationExport): string[] {
  if (!doc.vote) return [];
  const { outcome, leaked, leakReason } = doc.vote;
  const leak = leaked ? ` (not ranked: ${leakReason ?? 'the answers named their models'})` : '';
  return ['## Vote', `Blind vote: **${voteOutcome(doc, outcome)}**${leak}.`];
}

/** The Markdown page of an exported conversation. */
export function conversationMarkdown(doc: ConversationExport): string {
  const kind = doc.mode === 'battle' ? 'Blind battle' : 'Comparison';
  const runMode = doc.runMode === 'sequential' ? 'one at a time' : 'in parallel';
  const turns = `${doc.turns.length} ${doc.turns.length === 1 ? 'turn' : 'turns'}`;
  const blocks = [
    `# ${doc.title.replace(/\s+/g, ' ')}`,
    `${kind} · ${turns} · ${runMode} · exported from Versus on ${doc.exportedAt.slice(0, 10)}`,
    '## Lineup',
    lineup(doc).join('\n'),
  ];
  for (const [at, turn] of doc.turns.entries()) {
    blocks.push(`## Turn ${at + 1}`, quote(turn.prompt));
    for (const slot of doc.lineup) blocks.push(...answer(doc, turn, slot));
    blocks.push(...verdictLine(doc, turn));
  }
  blocks.push(...voteSection(doc));
  return `${blocks.join('\n\n')}\n`;
}
