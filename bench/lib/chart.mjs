// A small SVG bar chart: added per-token latency (p50/p95/p99, log scale) at each concurrency
// level, with the 25 ms target. Hand-written SVG: no chart library for one picture.

const WIDTH = 640;
const HEIGHT = 360;
const PAD = { left: 60, right: 20, top: 40, bottom: 50 };
const COLORS = { p50: '#60a5fa', p95: '#f59e0b', p99: '#ef4444' };

/** @param {string} text */
const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * @param {Array<{ streams: number, added: { p50: number | null, p95: number | null,
 *   p99: number | null } }>} levels
 */
export function concurrencyChart(levels) {
  const values = levels.flatMap((l) => [l.added.p50, l.added.p95, l.added.p99]);
  const max = Math.max(10, ...values.map((v) => v ?? 0));
  const low = 0.1;
  const top = 10 ** Math.ceil(Math.log10(max));
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const plotW = WIDTH - PAD.left - PAD.right;
  /** @param {number} v */
  const y = (v) =>
    PAD.top + plotH - (Math.log10(Math.max(low, v) / low) / Math.log10(top / low)) * plotH;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14">Added per-token latency, Versus − direct (ms, log scale)</text>`,
  ];
  for (let tick = low; tick <= top; tick *= 10) {
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e5e7eb"/>`,
      `<text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick >= 1 ? tick : tick.toFixed(1)}</text>`,
    );
  }
  parts.push(
    `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(25)}" y2="${y(25)}" stroke="#111" stroke-dasharray="4 3"/>`,
    `<line x1="${PAD.left + 230}" x2="${PAD.left + 260}" y1="${HEIGHT - 13}" y2="${HEIGHT - 13}" stroke="#111" stroke-dasharray="4 3"/>`,
    `<text x="${PAD.left + 266}" y="${HEIGHT - 9}">target: p95 ≤ 25 ms at 150 streams</text>`,
  );
  const group = plotW / Math.max(1, levels.length);
  const bar = group / 5;
  levels.forEach((level, i) => {
    const x0 = PAD.left + i * group + bar;
    /** @type {Array<'p50' | 'p95' | 'p99'>} */ (['p50', 'p95', 'p99']).forEach((key, k) => {
      const v = level.added[key] ?? 0;
      const x = x0 + k * bar;
      const h = y(low) - y(v);
      parts.push(
        `<rect x="${x}" y="${y(v)}" width="${bar - 2}" height="${Math.max(0, h)}" fill="${COLORS[key]}"/>`,
        `<text x="${x + bar / 2 - 1}" y="${y(v) - 3}" text-anchor="middle" font-size="10">${escapeXml(String(Math.round(v * 10) / 10))}</text>`,
      );
    });
    parts.push(
      `<text x="${x0 + 1.5 * bar}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle">${level.streams} streams</text>`,
    );
  });
  Object.entries(COLORS).forEach(([key, color], k) => {
    const x = PAD.left + k * 70;
    parts.push(
      `<rect x="${x}" y="${HEIGHT - 18}" width="10" height="10" fill="${color}"/>`,
      `<text x="${x + 14}" y="${HEIGHT - 9}">${key}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
