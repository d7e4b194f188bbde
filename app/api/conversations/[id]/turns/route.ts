import { earlierTurnsQuerySchema } from '@/lib/api/inputs';
import { getEarlierTurns } from '@/lib/conversations/read';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseQuery } from '@/lib/http/respond';

// POST on this path (a new turn) is served by lib/http/node-routes.ts before Next.js sees it.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** GET /api/conversations/:id/turns?before=<index>[&limit=N] — a page of earlier turns. */
export function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const { before, limit } = parseQuery(request, earlierTurnsQuerySchema);
    return Response.json(await getEarlierTurns({ id, ...currentReader(), before, limit }));
  });
}
