import { createApiTokenSchema } from '@/lib/api/inputs';
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export function GET() {
  return handle(async () =>
    Response.json({ tokens: await listApiTokens({ userId: currentViewer().id }) }),
  );
}

/** A new personal API token; its text is in this answer only. */
export function POST(request: Request) {
  return handle(async () => {
    const { name } = await parseBody(request, createApiTokenSchema);
    const created = await createApiToken({ userId: currentViewer().id, name });
    return Response.json(created, { status: 201 });
  });
}
