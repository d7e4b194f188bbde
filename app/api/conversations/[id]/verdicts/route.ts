import { verdictSchema } from '@/lib/api/inputs';
import { setVerdict } from '@/lib/battles/set-verdict';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** A named verdict on one turn: `{ turnId, best }`, best a column's position, "tie" or null. */
export function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const { turnId, best } = await parseBody(request, verdictSchema);
    await setVerdict({ conversationId: id, ...currentReader(), turnId, best });
    return Response.json({ verdict: { turnId, best } });
  });
}
