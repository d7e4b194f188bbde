import { createConversationSchema, listConversationsQuerySchema } from '@/lib/api/inputs';
import { listConversations } from '@/lib/conversations/read';
import { createConversation } from '@/lib/conversations/write';
import { currentReader, currentViewer } from '@/lib/http/request-context';
import { handle, parseBody, parseQuery } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handle(async () => {
    const { q } = parseQuery(request, listConversationsQuerySchema);
    const user = currentViewer();
    return Response.json({ conversations: await listConversations({ ownerId: user.id, q }) });
  });
}

export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, createConversationSchema);
    const conversation = await createConversation({ ...currentReader(), input });
    return Response.json({ conversation }, { status: 201 });
  });
}
