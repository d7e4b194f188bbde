import { conversationQuerySchema, updateConversationSchema } from '@/lib/api/inputs';
import { getConversation } from '@/lib/conversations/read';
import { deleteConversation, updateConversation } from '@/lib/conversations/write';
import { AppError } from '@/lib/errors';
import { currentReader, currentViewer } from '@/lib/http/request-context';
import { handle, parseBody, parseQuery } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const { turns } = parseQuery(request, conversationQuerySchema);
    const conversation = await getConversation({ id, ...currentReader(), latestTurns: turns });
    if (!conversation) throw new AppError('not_found', 'No such conversation.');
    return Response.json({ conversation });
  });
}

export function PATCH(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const input = await parseBody(request, updateConversationSchema);
    return Response.json({
      conversation: await updateConversation({ id, ...currentReader(), ...input }),
    });
  });
}

export function DELETE(_request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const user = currentViewer();
    await deleteConversation({ id, ownerId: user.id });
    return new Response(null, { status: 204 });
  });
}
