import type { Metadata } from 'next';
import { connection } from 'next/server';
import { BattleStart } from '@/components/battle/battle-start';
import { getInstancePool } from '@/lib/battles/instance-pool';
import { backendsForPage } from '@/lib/catalog/backends-for-page';
import { currentViewer } from '@/lib/http/request-context';

export const metadata: Metadata = { title: 'Blind battle' };

export default async function BattlePage() {
  await connection();
  const [backends, instancePool] = await Promise.all([backendsForPage(), getInstancePool()]);
  return (
    <BattleStart
      backends={backends}
      instancePool={instancePool}
      admin={currentViewer().role === 'admin'}
    />
  );
}
