import { listSharesQuerySchema } from '@/lib/api/inputs';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseQuery } from '@/lib/http/respond';
import { listShares } from '@/lib/shares/manage';

export const dynamic = 'force-dynamic';

/** The reader's live share links, newest first; `?conversation=` narrows them to one. */
export function GET(request: Request) {
  return handle(async () => {
    const { conversation } = parseQuery(request, listSharesQuerySchema);
    const shares = await listShares({ ownerId: currentViewer().id, conversationId: conversation });
    return Response.json({ shares });
  });
}
