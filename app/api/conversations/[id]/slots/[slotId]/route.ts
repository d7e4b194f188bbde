import { updateSlotSchema } from '@/lib/api/inputs';
import { updateSlotParams } from '@/lib/conversations/write';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export function PATCH(
  request: Request,
  { params }: { params: Promise<{ id: string; slotId: string }> },
) {
  return handle(async () => {
    const { id, slotId } = await params;
    const input = await parseBody(request, updateSlotSchema);
    const conversation = await updateSlotParams({
      conversationId: id,
      slotId,
      ...currentReader(),
      params: input.params,
    });
    return Response.json({ conversation });
  });
}
