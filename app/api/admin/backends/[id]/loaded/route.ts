import { loadedOn } from '@/lib/catalog/ollama-admin';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Admin only: what an Ollama backend has in memory now (its /api/ps). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    return Response.json({ models: await loadedOn(id) });
  });
}
