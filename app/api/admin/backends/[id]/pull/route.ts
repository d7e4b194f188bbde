import { ollamaModelSchema } from '@/lib/api/inputs';
import { startPull } from '@/lib/catalog/ollama-admin';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/**
 * Admin only: pull a model onto an Ollama backend. Answers NDJSON, one line per progress report
 * as it arrives, then `{"done":true}` or `{"error":…}`. Closing the request cancels the pull.
 */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const { model } = await parseBody(request, ollamaModelSchema);
    const cancel = new AbortController();
    request.signal.addEventListener('abort', () => cancel.abort(), { once: true });
    const lines = await startPull({
      id,
      model,
      actorId: currentViewer().id,
      signal: cancel.signal,
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      },
      async cancel() {
        cancel.abort();
        await lines.return(undefined);
      },
    });
    return new Response(body, {
      headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' },
    });
  });
}
