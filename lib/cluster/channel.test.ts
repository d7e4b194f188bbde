import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/fake-backends/test-client';
import { db } from '@/lib/db/client';
import { databaseUrl, isSqlite } from '@/lib/db/database-url';
import { type ClusterChannel, createLocalChannel, createPgChannel } from './channel';
import type { ClusterMessage } from './messages';

function recorder(channel: ClusterChannel) {
  const heard: { message: ClusterMessage; from: string }[] = [];
  channel.subscribe((message, from) => heard.push({ message, from }));
  return heard;
}

it('in one process (SQLite), delivers what it is sent to every subscriber, the sender too', async () => {
  const channel = createLocalChannel('only-instance');
  const heard = recorder(channel);
  await channel.publish({ type: 'stop', messageId: 'm1' });
  await waitFor(() => heard.length === 1, 'the message');
  expect(heard).toEqual([{ message: { type: 'stop', messageId: 'm1' }, from: 'only-instance' }]);
});

describe.runIf(!isSqlite())('on PostgreSQL', () => {
  const a = createPgChannel(databaseUrl(), 'channel-test-a');
  const b = createPgChannel(databaseUrl(), 'channel-test-b');
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('carries a message from one instance to the others', async () => {
    const onA = recorder(a);
    const onB = recorder(b);
    await Promise.all([a.ready(), b.ready()]);
    await b.publish({ type: 'stop-conversation', conversationId: 'c1' });
    await waitFor(() => onA.length > 0 && onB.length > 0, 'delivery');
    expect(onA[0]).toEqual({
      message: { type: 'stop-conversation', conversationId: 'c1' },
      from: 'channel-test-b',
    });
  });

  it('listens again after its connection is cut', async () => {
    const onA = recorder(a);
    await a.ready();
    await b.publish({ type: 'stop', messageId: 'before' });
    await waitFor(() => onA.length === 1, 'delivery before the cut');
    // What a database restart or a proxy's idle timeout does to the listening connection.
    const cut = await db.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'versus-cluster-channel-test-a'`,
    );
    expect(cut).toBeGreaterThan(0);
    await waitFor(
      () => {
        void b.publish({ type: 'stop', messageId: 'after' }).catch(() => {});
        return onA.some(
          (entry) => entry.message.type === 'stop' && entry.message.messageId === 'after',
        );
      },
      'delivery after the cut',
      5_000,
    );
  });

  it('refuses a message PostgreSQL would refuse (8000 bytes or more)', async () => {
    await expect(a.publish({ type: 'stop', messageId: 'x'.repeat(8_000) })).rejects.toThrow(
      /too long/,
    );
  });
});
