import type { UsageReport } from './types';

/**
 * Keeps only the counts the backend gave, so a consumer merging reports never overwrites a
 * known value with `undefined`.
 */
export function usageReport(fields: UsageReport): UsageReport {
  const report: UsageReport = {};
  for (const key of Object.keys(fields) as (keyof UsageReport)[]) {
    const value = fields[key];
    if (value !== undefined) report[key] = value;
  }
  return report;
}
