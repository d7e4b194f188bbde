import { exportQuerySchema } from '@/lib/api/inputs';
import { conversationMarkdown } from '@/lib/export/conversation-markdown';
import { downloadResponse, fileNameOf } from '@/lib/export/download';
import { exportConversation } from '@/lib/export/export-conversation';
import { currentReader } from '@/lib/http/request-context';
import { handle, parseQuery } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** The conversation as a file: lossless JSON (importable), or Markdown to read. */
export function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const { id } = await params;
    const { format } = parseQuery(request, exportQuerySchema);
    const doc = await exportConversation({ id, ...currentReader() });
    const date = new Date(doc.exportedAt);
    return format === 'markdown'
      ? downloadResponse({
          body: conversationMarkdown(doc),
          type: 'text/markdown; charset=utf-8',
          fileName: fileNameOf(doc.title, 'md', date),
        })
      : downloadResponse({
          body: `${JSON.stringify(doc, null, 2)}\n`,
          type: 'application/json; charset=utf-8',
          fileName: fileNameOf(doc.title, 'json', date),
        });
  });
}
