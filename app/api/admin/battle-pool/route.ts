import { instancePoolSchema } from '@/lib/api/inputs';
import { getInstancePool, setInstancePool } from '@/lib/battles/instance-pool';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The instance's battle pool, for everyone who starts a battle; null: every model. */
export function GET() {
  return handle(async () => Response.json({ pool: await getInstancePool() }));
}

/** Admin only (lib/http/api-routes.ts): sets or clears the pool. */
export function PUT(request: Request) {
  return handle(async () => {
    const { pool } = await parseBody(request, instancePoolSchema);
    await setInstancePool(pool);
    return Response.json({ pool: await getInstancePool() });
  });
}
