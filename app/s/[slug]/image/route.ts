import { TURNS_PER_PAGE } from '@/lib/api/inputs';
import { currentVoterId } from '@/lib/http/request-context';
import { renderPreviewImage } from '@/lib/shares/preview-image';
import { readShare } from '@/lib/shares/read-share';

export const dynamic = 'force-dynamic';

/**
 * A share's link preview (og:image): 1200 × 630 PNG of its lineup, speeds and verdict; a blind
 * challenge's names no model. 404 as soon as the share is revoked, and never cached for long.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const shared = await readShare({ slug, voterId: currentVoterId(), latestTurns: TURNS_PER_PAGE });
  if (!shared)
    return new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });
  return renderPreviewImage(shared.card);
}
