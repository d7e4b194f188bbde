import type { MessageStatus } from '@/lib/api/views';
import { formatDuration, formatRate } from './format';

export interface SpeedEntry {
  name: string;
  status: MessageStatus;
  tokensPerSecond: number | null;
  ttftMs: number | null;
  /** Ollama: the share of the model that ran on the CPU (from /api/ps), when it reported one. */
  cpuShare?: number;
}

/**
 * A column's speed, with notes in brackets: part of its model ran on the CPU (that is why it is
 * slow), how many times slower than the fastest it was.
 */
function rateOf(entry: SpeedEntry & { tokensPerSecond: number }, slower = ''): string {
  const notes = [
    entry.cpuShare !== undefined && entry.cpuShare >= 0.005
      ? `${Math.round(entry.cpuShare * 100)} % on CPU`
      : '',
    slower,
  ].filter(Boolean);
  const bracket = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return `${formatRate(entry.tokensPerSecond)} tok/s${bracket}`;
}

/** Slot names that tell columns apart: the model, then its backend, then its position. */
export function distinctNames(
  slots: readonly { model: string; backendLabel: string; position: number }[],
): string[] {
  const count = (names: string[], name: string) => names.filter((other) => other === name).length;
  const models = slots.map((slot) => slot.model);
  const withBackend = slots.map((slot, index) =>
    count(models, models[index] ?? '') > 1 ? `${slot.model} (${slot.backendLabel})` : slot.model,
  );
  return slots.map((slot, index) => {
    const name = withBackend[index] ?? slot.model;
    return count(withBackend, name) > 1 ? `${name} #${slot.position + 1}` : name;
  });
}

const ratioText = (ratio: number) => (ratio < 10 ? ratio.toFixed(1) : ratio.toFixed(0));
const list = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

/** Words for a status that keeps an answer out of the ranking. */
const unranked: Partial<Record<MessageStatus, string>> = {
  stopped: 'stopped',
  error: 'failed',
  interrupted: 'interrupted',
};

/**
 * One line ranking a finished turn's columns: every finished answer by decode speed (tok/s),
 * fastest first, with how many times slower each is than the fastest; then by time to first
 * token; then the columns left out because they were stopped or failed (a partial answer's
 * speed would flatter or wrong it). Null until some answer finished with figures.
 */
export function speedSummary(entries: readonly SpeedEntry[]): string | null {
  const done = entries.filter((entry) => entry.status === 'done');
  const rated = done
    .filter(
      (entry): entry is SpeedEntry & { tokensPerSecond: number } =>
        entry.tokensPerSecond !== null && entry.tokensPerSecond > 0,
    )
    .sort((a, b) => b.tokensPerSecond - a.tokensPerSecond);
  const parts: string[] = [];
  const fastest = rated[0];
  const slowest = rated.at(-1);
  if (fastest && slowest && rated.length >= 2) {
    if (fastest.tokensPerSecond / slowest.tokensPerSecond < 1.05) {
      parts.push(
        `${list(rated.map((entry) => entry.name))} generated at about the same speed (${formatRate(slowest.tokensPerSecond)}–${formatRate(fastest.tokensPerSecond)} tok/s)`,
      );
    } else {
      const ranked = rated.map((entry, index) => {
        const ratio = fastest.tokensPerSecond / entry.tokensPerSecond;
        const slower = index > 0 && ratio >= 1.05 ? `${ratioText(ratio)}× slower` : '';
        return `${entry.name} ${rateOf(entry, slower)}`;
      });
      parts.push(`Fastest: ${ranked.join(', ')}`);
    }
  } else if (fastest) {
    parts.push(`${fastest.name} ${rateOf(fastest)}`);
  }

  const timed = done
    .filter((entry): entry is SpeedEntry & { ttftMs: number } => entry.ttftMs !== null)
    .sort((a, b) => a.ttftMs - b.ttftMs);
  if (timed.length >= 2) {
    parts.push(
      `first token: ${timed.map((entry) => `${entry.name} ${formatDuration(entry.ttftMs)}`).join(', ')}`,
    );
  }

  const left = entries.flatMap((entry) => {
    const word = unranked[entry.status];
    return word ? [`${entry.name} ${word}`] : [];
  });
  if (parts.length === 0) return null;
  if (left.length > 0) parts.push(`not ranked: ${list(left)}`);
  return `${parts.join('; ')}.`;
}
