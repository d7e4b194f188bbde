/**
 * Ollama is written in Go: its JSON comes from encoding/json, which escapes <, > and & (so
 * `<think>` travels as `\u003cthink\u003e`) and U+2028/U+2029. Clients that search raw lines
 * for tags instead of parsing them break on real Ollama; the fake must break them too.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Go's time.RFC3339Nano in UTC: nanoseconds with trailing zeros trimmed, then `Z`. */
export function rfc3339Nano(epochMs: number): string {
  const wholeMs = Math.floor(epochMs);
  const base = new Date(wholeMs).toISOString().slice(0, 19);
  const nanos = (wholeMs % 1000) * 1_000_000 + Math.round((epochMs - wholeMs) * 1_000_000);
  const fraction = String(Math.min(nanos, 999_999_999)).padStart(9, '0').replace(/0+$/, '');
  return `${base}${fraction ? `.${fraction}` : ''}Z`;
}
