import type { Metadata } from 'next';
import { NewComparison } from '@/components/lineup/new-comparison';

export const metadata: Metadata = { title: 'New comparison' };

export default function NewComparisonPage() {
  return <NewComparison />;
}
