/** A number as the user would write it: no float noise (1492.077 not 1492.0773502691896). */
export function formatNumber(value: number): string {
  return String(Number.parseFloat(value.toPrecision(10)));
}

/** "12", "12 and 13", "12, 13 and 25". */
export function listNumbers(values: readonly number[]): string {
  const words = values.map(formatNumber);
  const last = words.pop();
  return words.length === 0 ? (last ?? '') : `${words.join(', ')} and ${last}`;
}
