/**
 * A file name from a title: its letters and digits (any script) joined by dashes, with the date,
 * e.g. `deepseek-r1-7b-vs-deepseek-r1-32b-2026-12-07.md`.
 */
export function fileNameOf(title: string, extension: string, date: Date): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'conversation'}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * `attachment` with the name twice: plain ASCII for old clients, and UTF-8 (RFC 6266 / 5987)
 * so that a Chinese title stays one. A name from fileNameOf holds no quote or percent sign.
 */
export function attachment(fileName: string): string {
  const kept = fileName.replace(/[^\x20-\x7e]+/g, '').replace(/^-+/, '');
  // A title in another script leaves only the date: name it.
  const ascii = /^\d{4}-\d{2}-\d{2}\./.test(kept) ? `conversation-${kept}` : kept;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A download: the body, its type, the name to save it under, never cached. */
export function downloadResponse({
  body,
  type,
  fileName,
}: {
  body: string;
  type: string;
  fileName: string;
}): Response {
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': attachment(fileName),
      'Cache-Control': 'no-store',
    },
  });
}
