import { z } from 'zod';
import { TURNS_PER_PAGE } from '@/lib/api/inputs';
import { getConversation } from '@/lib/conversations/read';
import { AppError } from '@/lib/errors';
import { importConversation } from '@/lib/export/import-conversation';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseBody } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** A conversation file (GET /api/conversations/:id/export) as a new conversation of the caller. */
export function POST(request: Request) {
  return handle(async () => {
    // importConversation validates the file itself, with messages about the file.
    const input = await parseBody(request, z.unknown());
    const reader = currentReader();
    const { id } = await importConversation({ ...reader, input });
    const conversation = await getConversation({ id, ...reader, latestTurns: TURNS_PER_PAGE });
    if (!conversation) throw new AppError('internal', 'The imported conversation was not found.');
    return Response.json({ conversation }, { status: 201 });
  });
}
