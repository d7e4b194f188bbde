import 'server-only';
import { newId } from '@/lib/ids';

// On globalThis so every Next.js route bundle in this process has the same id.
const store = globalThis as typeof globalThis & { __versusInstanceId?: string };
store.__versusInstanceId ??= newId();

/**
 * This server process, among the instances that share one database: the messages it runs are
 * marked with it, so a Stop handled elsewhere is sent here, and its heartbeat row carries it.
 */
export const instanceId: string = store.__versusInstanceId;
