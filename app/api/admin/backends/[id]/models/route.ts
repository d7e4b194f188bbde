import { ollamaModelSchema } from '@/lib/api/inputs';
import { deleteOn } from '@/lib/catalog/ollama-admin';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Admin only: delete a model from an Ollama backend. */
export function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const { model } = await parseBody(request, ollamaModelSchema);
    await deleteOn({ id, model, actorId: currentViewer().id });
    return new Response(null, { status: 204 });
  });
}
