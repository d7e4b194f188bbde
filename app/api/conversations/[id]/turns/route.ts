import { addTurnSchema } from '@/lib/api/inputs';
import { startTurn } from '@/lib/generation/start-turn';
import { handle, parseBody } from '@/lib/http/respond';
import { getLocalUser } from '@/lib/users';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const { prompt } = await parseBody(request, addTurnSchema);
    const user = await getLocalUser();
    const turn = await startTurn({ conversationId: id, ownerId: user.id, prompt });
    return Response.json({ turn }, { status: 201 });
  });
}
