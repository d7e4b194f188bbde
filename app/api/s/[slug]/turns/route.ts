import { earlierTurnsQuerySchema } from '@/lib/api/inputs';
import { currentVoterId } from '@/lib/http/request-context';
import { handle, parseQuery } from '@/lib/http/respond';
import { readShareTurns } from '@/lib/shares/read-share';

export const dynamic = 'force-dynamic';

/** A share's turns before `?before=`, a page at a time, as its page's "Show earlier prompts". */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    const { slug } = await params;
    const { before, limit } = parseQuery(request, earlierTurnsQuerySchema);
    return Response.json(await readShareTurns({ slug, voterId: currentVoterId(), before, limit }));
  });
}
