import { listBackends } from '@/lib/catalog/list-backends';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handle(async () => {
    const fresh = new URL(request.url).searchParams.get('fresh') === '1';
    return Response.json({ backends: await listBackends({ fresh }) });
  });
}
