import { startBattleSchema } from '@/lib/api/inputs';
import { startBattle } from '@/lib/battles/start-battle';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Starts a blind battle; answers its id only (the page shows it through the blind view). */
export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, startBattleSchema);
    return Response.json(
      { battle: await startBattle({ ...currentReader(), input }) },
      { status: 201 },
    );
  });
}
