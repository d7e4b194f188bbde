// Writes a run's results: latest.json (everything), latest.md (tables) and, when scenario 4
// ran, latest.svg (added per-token latency at each concurrency level).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concurrencyChart } from './chart.mjs';

/** @param {unknown} value */
const cell = (value) => (value === null || value === undefined ? '–' : String(value));

/** @param {Record<string, any>} s a summary() */
const stats = (s) => `${cell(s.p50)} | ${cell(s.p95)} | ${cell(s.p99)} | ${cell(s.n)}`;

/** @param {Record<string, any>} row */
function rowLines(row) {
  if (row.app) {
    const lines = [
      `| ${row.metric}: through Versus | ${stats(row.app)} |`,
      `| ${row.metric}: direct | ${stats(row.direct)} |`,
    ];
    if (row.added) {
      const a = row.added;
      lines.push(
        `| **${row.metric}: ${row.addedLabel ?? 'added (Versus − direct)'}** | **${cell(a.p50)}** | **${cell(a.p95)}** | **${cell(a.p99)}** | |`,
      );
    }
    return lines;
  }
  if (row.summary) return [`| ${row.metric} | ${stats(row.summary)} |`];
  return [`| ${row.metric} | ${cell(row.value)} | | | ${cell(row.n)} |`];
}

/**
 * @param {any} report
 * @returns {string}
 */
export function markdown(report) {
  const m = report.machine;
  const lines = [
    '# Versus benchmark — latest run',
    '',
    `${report.startedAt} · ${report.mode} run · ${report.durationS} s · source ${report.source} · ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}`,
    '',
    `Load before: \`${m.loadBefore}\``,
    `Load after: \`${m.loadAfter}\``,
    '',
    'Reproduce with `npm run bench`. Times in ms unless a unit is given; p95 unless said. ',
    'Every Versus timing is paired with a direct connection to the same fake model in the same run.',
    '',
    '## Targets',
    '',
    '| # | Target | Measured | Met |',
    '|---|---|---|---|',
  ];
  for (const scenario of report.scenarios) {
    if (scenario.skipped) {
      lines.push(`| ${scenario.id} | ${scenario.title} | ${scenario.skipped} | skipped |`);
      continue;
    }
    for (const target of scenario.targets ?? []) {
      lines.push(
        `| ${scenario.id} | ${target.name} | ${cell(target.value)} | ${verdict(target.met)} |`,
      );
    }
  }
  for (const scenario of report.scenarios) {
    lines.push('', `## ${scenario.id}. ${scenario.title}`, '');
    if (scenario.skipped) {
      lines.push(scenario.skipped);
      continue;
    }
    if (scenario.runs !== undefined) lines.push(`Runs: ${scenario.runs}.`, '');
    if (scenario.rows?.length) {
      lines.push('| Metric | p50 | p95 | p99 | n |', '|---|---|---|---|---|');
      for (const row of scenario.rows) lines.push(...rowLines(row));
    }
    if (scenario.table) lines.push('', ...scenario.table);
    if (scenario.notes?.length)
      lines.push('', ...scenario.notes.map((/** @type {string} */ n) => `- ${n}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * @param {string} dir
 * @param {any} report
 * @returns {string[]} the files written
 */
export function writeReport(dir, report) {
  const files = [join(dir, 'latest.json'), join(dir, 'latest.md')];
  writeFileSync(files[0] ?? '', `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(files[1] ?? '', markdown(report));
  const levels = report.scenarios.find((/** @type {any} */ s) => s.id === '4')?.data?.levels;
  if (levels?.length) {
    const svg = join(dir, 'latest.svg');
    writeFileSync(svg, concurrencyChart(levels));
    files.push(svg);
  }
  return files;
}

/**
 * A target's verdict; `'none'` marks a figure the issue asks for without setting a target.
 * @param {boolean | null | 'none'} met
 */
const verdict = (met) =>
  met === 'none' ? 'no target set' : met === null ? 'skipped' : met ? 'yes' : '**no**';
