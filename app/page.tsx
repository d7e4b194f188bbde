import type { Metadata } from 'next';
import { NewComparison } from '@/components/lineup/new-comparison';
import { listBackends } from '@/lib/catalog/list-backends';
import { lineupSeed } from '@/lib/conversations/read';
import { currentViewer } from '@/lib/http/request-context';

export const metadata: Metadata = { title: 'New comparison' };

/** How long the page waits for the backends' listing before it is sent without one. */
const LISTING_WAIT_MS = 300;

type Props = { searchParams: Promise<{ from?: string | string[] }> };

/** `/?from=<conversation id>` starts from that conversation's lineup, else from the last one. */
export default async function NewComparisonPage({ searchParams }: Props) {
  const { from } = await searchParams;
  const seed = await lineupSeed({
    ownerId: currentViewer().id,
    fromId: typeof from === 'string' ? from : undefined,
  });
  // The lineup is on the page from its first paint when the listing is at hand (it is cached);
  // a slow or failed one is left to the browser to ask for, as before.
  const backends = await Promise.race([
    listBackends().catch(() => null),
    new Promise<null>((resolve) => setTimeout(resolve, LISTING_WAIT_MS, null)),
  ]);
  return <NewComparison seed={seed} backends={backends} />;
}
