/**
 * What a shared comparison's link preview says (the image, lib/shares/preview-image.tsx, and
 * whatever text the share page puts beside it). The share page builds one from its snapshot.
 */
export interface PreviewCard {
  /** The first turn's prompt. */
  prompt: string;
  /** The lineup in column order (2 to 6); names and speeds are ignored on a blind card. */
  columns: { name: string; tokensPerSecond: number | null }[];
  /** The verdict or vote, ready-made ("32b won", "Tie"); never shown on a blind card. */
  outcome: string | null;
  /** A blind challenge: the recipient votes before seeing who is who. */
  blind: boolean;
  /** How many turns the share holds. */
  turns: number;
}

export interface PreviewCardText {
  /** "deepseek-r1:7b vs deepseek-r1:32b", or "Model A vs Model B". */
  title: string;
  /** "48 vs 22 tok/s · 32b won", or the blind challenge's call to vote. */
  summary: string;
  /** The prompt on one line, whitespace collapsed, cut short past PROMPT_CHARACTERS. */
  prompt: string;
  /** One entry per column: its name and speed ("48 tok/s"), no speed on a blind card. */
  columns: { name: string; speed: string | null }[];
  /** "3 turns", or null for one. */
  turns: string | null;
  /** The outcome, or "Blind challenge"; null when there is neither. */
  badge: string | null;
}

/** More than the image's three lines can hold at its smallest type; the rest is not laid out. */
const PROMPT_CHARACTERS = 280;

export const BLIND_CALL = 'Vote before you see who is who';

/** A column's label on a blind card: A, B, C… as on the battle page. */
export const blindName = (index: number) => `Model ${String.fromCharCode(65 + index)}`;

export function formatSpeed(tokensPerSecond: number | null): string {
  if (tokensPerSecond === null || !Number.isFinite(tokensPerSecond)) return '–';
  return tokensPerSecond >= 10 ? String(Math.round(tokensPerSecond)) : tokensPerSecond.toFixed(1);
}

function oneLine(prompt: string): string {
  const text = prompt.replace(/\s+/g, ' ').trim();
  const characters = Array.from(text);
  if (characters.length <= PROMPT_CHARACTERS) return text;
  return `${characters
    .slice(0, PROMPT_CHARACTERS - 1)
    .join('')
    .trimEnd()}…`;
}

/** The card's words, in the one place that decides them; a blind card names no model. */
export function previewCardText(card: PreviewCard): PreviewCardText {
  const turns = card.turns > 1 ? `${card.turns} turns` : null;
  const prompt = oneLine(card.prompt);
  if (card.blind) {
    const columns = card.columns.map((_, index) => ({ name: blindName(index), speed: null }));
    return {
      title: columns.map((column) => column.name).join(' vs '),
      summary: BLIND_CALL,
      prompt,
      columns,
      turns,
      badge: 'Blind challenge',
    };
  }
  const columns = card.columns.map((column) => ({
    name: column.name,
    speed: column.tokensPerSecond === null ? null : `${formatSpeed(column.tokensPerSecond)} tok/s`,
  }));
  const measured = card.columns.some((column) => column.tokensPerSecond !== null);
  const speeds = measured
    ? `${card.columns.map((column) => formatSpeed(column.tokensPerSecond)).join(' vs ')} tok/s`
    : null;
  return {
    title: card.columns.map((column) => column.name).join(' vs '),
    summary: [speeds, card.outcome].filter(Boolean).join(' · '),
    prompt,
    columns,
    turns,
    badge: card.outcome || null,
  };
}
