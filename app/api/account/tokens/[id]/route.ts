import { revokeApiToken } from '@/lib/auth/api-tokens';
import { currentViewer } from '@/lib/http/request-context';
import { handle } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    await revokeApiToken({ userId: currentViewer().id, id });
    return new Response(null, { status: 204 });
  });
}
