import { leaderboardQuerySchema } from '@/lib/api/inputs';
import { getLeaderboard } from '@/lib/battles/leaderboard';
import { handle, parseQuery } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Ratings from blind votes; `?named=1` adds named verdicts, `?style=1` the style-controlled fit. */
export function GET(request: Request) {
  return handle(async () => {
    const { named, style } = parseQuery(request, leaderboardQuerySchema);
    return Response.json({ leaderboard: await getLeaderboard({ named, style }) });
  });
}
