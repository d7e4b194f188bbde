import { TURNS_PER_PAGE, voteSchema } from '@/lib/api/inputs';
import { castVote } from '@/lib/battles/cast-vote';
import { getConversation } from '@/lib/conversations/read';
import { AppError } from '@/lib/errors';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The battle's vote; answers the battle revealed, with the vote (and a leak, if any). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const { outcome } = await parseBody(request, voteSchema);
    const reader = currentReader();
    await castVote({ id, ...reader, outcome });
    const conversation = await getConversation({ id, ...reader, latestTurns: TURNS_PER_PAGE });
    if (!conversation) throw new AppError('not_found', 'No such battle.');
    return Response.json({ conversation });
  });
}
