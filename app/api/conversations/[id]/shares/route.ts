import { createShareSchema } from '@/lib/api/inputs';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';
import { createShare } from '@/lib/shares/manage';

export const dynamic = 'force-dynamic';

/** A share link of the conversation as it is now (its finished turns). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { id } = await params;
    const options = await parseBody(request, createShareSchema);
    const share = await createShare({ conversationId: id, ...currentReader(), ...options });
    return Response.json({ share }, { status: 201 });
  });
}
