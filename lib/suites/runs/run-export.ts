import 'server-only';
import { fileNameOf } from '@/lib/export/download';
import { runToCsv, runToJson, runToMarkdown } from '@/lib/suites/export-run';
import { getSuiteRun } from './read-run';

const FORMATS = {
  csv: { extension: 'csv', type: 'text/csv; charset=utf-8', write: runToCsv },
  json: { extension: 'json', type: 'application/json; charset=utf-8', write: runToJson },
  markdown: { extension: 'md', type: 'text/markdown; charset=utf-8', write: runToMarkdown },
} as const;

/** A run as a file to download, named after its suite and the day it ran. */
export async function runExport({
  id,
  ownerId,
  format,
}: {
  id: string;
  ownerId: string;
  format: keyof typeof FORMATS;
}): Promise<{ body: string; type: string; fileName: string }> {
  const run = await getSuiteRun({ id, ownerId });
  const { extension, type, write } = FORMATS[format];
  return {
    // A byte-order mark, so spreadsheet programs read the CSV's Chinese as UTF-8.
    body: format === 'csv' ? `\uFEFF${write(run)}` : write(run),
    type,
    fileName: fileNameOf(run.suiteName, extension, new Date(run.createdAt)),
  };
}
