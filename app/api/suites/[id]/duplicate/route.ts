import { currentViewer } from '@/lib/http/request-context';
import { handle } from '@/lib/http/respond';
import { duplicateSuite } from '@/lib/suites/manage';

export const dynamic = 'force-dynamic';

export function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const suite = await duplicateSuite({ id, ownerId: currentViewer().id });
    return Response.json({ suite }, { status: 201 });
  });
}
