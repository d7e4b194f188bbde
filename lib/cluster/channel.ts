import 'server-only';
import pg from 'pg';
import { databaseUrl, isSqlite } from '@/lib/db/database-url';
import { instanceId } from './instance';
import { type ClusterMessage, envelopeSchema } from './messages';

export type ClusterListener = (message: ClusterMessage, from: string) => void;

/**
 * How instances on one database tell each other things at once: on PostgreSQL its own
 * LISTEN/NOTIFY (no other service to run), with one listening connection per process; on SQLite,
 * which has one process, the same interface in memory. Delivery is at most once: a message
 * sent while a connection is down is lost, so every use has a slower way that does not need it
 * (a Stop is recorded in the database after a wait; followers poll; checkpoints notice a message
 * that was ended elsewhere). Every instance gets every message, its sender's included.
 */
export interface ClusterChannel {
  readonly instanceId: string;
  publish(message: ClusterMessage): Promise<void>;
  subscribe(listener: ClusterListener): () => void;
  /** Resolves once this instance hears what others send (its connection listens). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7_900;

function deliver(listeners: Set<ClusterListener>, message: ClusterMessage, from: string) {
  for (const listener of listeners) {
    try {
      listener(message, from);
    } catch (error) {
      console.error('cluster message handler failed', error);
    }
  }
}

/** The one process of an SQLite database talks to itself. */
export function createLocalChannel(id: string = instanceId): ClusterChannel {
  const listeners = new Set<ClusterListener>();
  return {
    instanceId: id,
    async publish(message) {
      queueMicrotask(() => deliver(listeners, message, id));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ready() {},
    async close() {
      listeners.clear();
    },
  };
}

const RECONNECT_MAX_MS = 5_000;

/**
 * One PostgreSQL connection that LISTENs (and sends the NOTIFYs: a query on it costs no pool
 * checkout), reconnecting with back-off when it drops. The channel's name carries the URL's
 * schema, so two deployments sharing a database do not hear each other.
 */
export function createPgChannel(url: string, id: string = instanceId): ClusterChannel {
  const listeners = new Set<ClusterListener>();
  const schema = new URL(url).searchParams.get('schema');
  const name = schema ? `versus_${schema}` : 'versus';
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let failures = 0;

  const onNotification = (notification: pg.Notification) => {
    if (notification.channel !== name || !notification.payload) return;
    let parsed: ReturnType<typeof envelopeSchema.safeParse>;
    try {
      parsed = envelopeSchema.safeParse(JSON.parse(notification.payload));
    } catch {
      return;
    }
    if (parsed.success) deliver(listeners, parsed.data.message, parsed.data.from);
    else console.error('cluster: ignored a malformed message', parsed.error.issues[0]);
  };

  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      // Named, so an operator (or a test) can find the connection among the pool's.
      const next = new pg.Client({
        connectionString: url,
        application_name: `versus-cluster-${id}`,
      });
      let gone = false;
      const lost = (error?: Error) => {
        if (gone) return;
        gone = true;
        client = null;
        connecting = null;
        next.removeAllListeners('notification');
        void next.end().catch(() => {});
        if (closed) return;
        failures += 1;
        const waitMs = Math.min(100 * 2 ** failures, RECONNECT_MAX_MS);
        console.error(`cluster channel lost; reconnecting in ${waitMs} ms`, error?.message ?? '');
        setTimeout(() => void connect().catch(() => {}), waitMs).unref();
      };
      next.on('error', lost);
      next.on('end', () => lost());
      next.on('notification', onNotification);
      try {
        await next.connect();
        await next.query(`LISTEN ${next.escapeIdentifier(name)}`);
      } catch (error) {
        lost(error instanceof Error ? error : undefined);
        throw error;
      }
      failures = 0;
      client = next;
      return next;
    })();
    return connecting;
  };

  return {
    instanceId: id,
    async publish(message) {
      const payload = JSON.stringify({ from: id, message });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        throw new Error(`cluster message of ${Buffer.byteLength(payload)} bytes is too long`);
      }
      const target = client ?? (await connect());
      await target.query('SELECT pg_notify($1, $2)', [name, payload]);
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect().catch(() => {});
      return () => listeners.delete(listener);
    },
    async ready() {
      await connect();
    },
    async close() {
      closed = true;
      listeners.clear();
      const current = client ?? (await connecting?.catch(() => null));
      client = null;
      await current?.end();
    },
  };
}

// One channel per process, on globalThis like the database client.
const store = globalThis as typeof globalThis & { __versusChannel?: ClusterChannel };

/** This process's channel, connected on first use. */
export function clusterChannel(): ClusterChannel {
  store.__versusChannel ??= isSqlite() ? createLocalChannel() : createPgChannel(databaseUrl());
  return store.__versusChannel;
}

/** A message whose sending failed is logged, not thrown: every use has a way without it. */
export function publishQuietly(channel: ClusterChannel, message: ClusterMessage): void {
  channel.publish(message).catch((error: unknown) => {
    console.error(`cluster: sending ${message.type} failed`, error);
  });
}
