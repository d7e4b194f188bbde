import type { Metadata } from 'next';
import { NewComparison } from '@/components/lineup/new-comparison';
import { backendsForPage } from '@/lib/catalog/backends-for-page';
import { lineupSeed } from '@/lib/conversations/read';
import { currentViewer } from '@/lib/http/request-context';

export const metadata: Metadata = { title: 'New comparison' };

type Props = { searchParams: Promise<{ from?: string | string[] }> };

/** `/?from=<conversation id>` starts from that conversation's lineup, else from the last one. */
export default async function NewComparisonPage({ searchParams }: Props) {
  const { from } = await searchParams;
  const seed = await lineupSeed({
    ownerId: currentViewer().id,
    fromId: typeof from === 'string' ? from : undefined,
  });
  return <NewComparison seed={seed} backends={await backendsForPage()} />;
}
