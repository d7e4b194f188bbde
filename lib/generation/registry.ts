import type { LiveMessage } from './live-message';

// On globalThis so every Next.js route bundle in this process sees the same live messages.
const store = globalThis as typeof globalThis & { __versusLive?: Map<string, LiveMessage> };
store.__versusLive ??= new Map();

/** Messages this process is generating (or holding pending), by id. */
export const liveMessages: Map<string, LiveMessage> = store.__versusLive;
