import { formatDuration, formatRate } from './format';

export interface SpeedEntry {
  name: string;
  tokensPerSecond: number | null;
  ttftMs: number | null;
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

/**
 * One line comparing decode speeds (tok/s) of a finished turn, fastest against slowest, and
 * who produced a first token soonest. Columns without figures are left out; null when fewer
 * than two columns have a speed.
 */
export function speedSummary(entries: readonly SpeedEntry[]): string | null {
  const rated = entries
    .filter(
      (entry): entry is SpeedEntry & { tokensPerSecond: number } =>
        entry.tokensPerSecond !== null && entry.tokensPerSecond > 0,
    )
    .sort((a, b) => b.tokensPerSecond - a.tokensPerSecond);
  const fastest = rated[0];
  const slowest = rated[rated.length - 1];
  if (!fastest || !slowest || rated.length < 2) return null;

  const ratio = fastest.tokensPerSecond / slowest.tokensPerSecond;
  const rates = `${formatRate(fastest.tokensPerSecond)} vs ${formatRate(slowest.tokensPerSecond)} tok/s`;
  let line =
    ratio < 1.05
      ? `${rated.length === 2 ? `${fastest.name} and ${slowest.name}` : `All ${rated.length}`} generated at about the same speed (${rates})`
      : `${fastest.name} generated ${ratioText(ratio)}× faster than ${slowest.name} (${rates})`;

  const timed = entries
    .filter((entry): entry is SpeedEntry & { ttftMs: number } => entry.ttftMs !== null)
    .sort((a, b) => a.ttftMs - b.ttftMs);
  const first = timed[0];
  if (first && timed.length >= 2) {
    // Figures that read the same are a tie, not a win.
    const shown = formatDuration(first.ttftMs);
    const tied = timed.filter((entry) => formatDuration(entry.ttftMs) === shown);
    if (tied.length < timed.length) {
      const names = tied.map((entry) => entry.name);
      const who =
        names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : first.name;
      line += `; fastest first token: ${who} (${shown})`;
    }
  }
  return `${line}.`;
}
