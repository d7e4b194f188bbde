import { suiteRunExportQuerySchema } from '@/lib/api/suite-inputs';
import { downloadResponse } from '@/lib/export/download';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseQuery } from '@/lib/http/respond';
import { runExport } from '@/lib/suites/runs/run-export';

export const dynamic = 'force-dynamic';

/** A run as CSV (a row per answer), JSON (the run and its summary) or the Markdown table. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const { format } = parseQuery(request, suiteRunExportQuerySchema);
    return downloadResponse(await runExport({ id, ownerId: currentViewer().id, format }));
  });
}
