import type { Metadata } from 'next';
import { BattleStart } from '@/components/battle/battle-start';
import { backendsForPage } from '@/lib/catalog/backends-for-page';

export const metadata: Metadata = { title: 'Blind battle' };

export default async function BattlePage() {
  return <BattleStart backends={await backendsForPage()} />;
}
