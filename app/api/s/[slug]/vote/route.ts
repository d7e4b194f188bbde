import { TURNS_PER_PAGE, voteSchema } from '@/lib/api/inputs';
import { currentVoterId } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { newVoter } from '@/lib/http/voter';
import { voteOnShare } from '@/lib/shares/read-share';

export const dynamic = 'force-dynamic';

/**
 * A recipient's vote on a blind challenge, with or without an account; a browser without a
 * voter cookie gets one here, so its second vote is refused. Answers the share revealed.
 */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const { slug } = await params;
    const { outcome } = await parseBody(request, voteSchema);
    const known = currentVoterId();
    const voter = known ? { id: known, cookie: null } : newVoter();
    const shared = await voteOnShare({
      slug,
      voterId: voter.id,
      outcome,
      latestTurns: TURNS_PER_PAGE,
    });
    const headers = voter.cookie ? { 'set-cookie': voter.cookie } : undefined;
    return Response.json(shared, { headers });
  });
}
