import { createBackendSchema } from '@/lib/api/inputs';
import { listBackendChanges } from '@/lib/catalog/backend-audit';
import { createBackend, listManagedBackends } from '@/lib/catalog/manage-backends';
import { currentViewer } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

// Admin only: the gate refuses anyone else (lib/http/api-routes.ts).
export function GET() {
  return handle(async () => {
    const [backends, changes] = await Promise.all([listManagedBackends(), listBackendChanges()]);
    return Response.json({ backends, changes });
  });
}

export function POST(request: Request) {
  return handle(async () => {
    const input = await parseBody(request, createBackendSchema);
    const backend = await createBackend({ input, actorId: currentViewer().id });
    return Response.json({ backend }, { status: 201 });
  });
}
