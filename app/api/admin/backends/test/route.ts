import { testBackendSchema } from '@/lib/api/inputs';
import { testBackend } from '@/lib/catalog/test-backend';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Admin only: "Test connection" on a backend as typed; a failure is an answer, not an error. */
export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, testBackendSchema);
    return Response.json({ result: await testBackend(input) });
  });
}
