import type { IncomingMessage } from 'node:http';
import { type BlockList, isIP } from 'node:net';

/**
 * The header the gate sets to the client's address, replacing any value a client sent: the auth
 * library keys its rate limits and sessions on it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-versus-client-address';

const typeOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address
 * in X-Forwarded-For that is not a trusted proxy itself (each proxy appends the address it saw,
 * so what lies to the left of the last trusted hop may be made up by the client).
 */
export function clientAddress(req: IncomingMessage, trusted: BlockList): string {
  const peer = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
  if (isIP(peer) === 0 || !trusted.check(peer, typeOf(peer))) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (const hop of hops.toReversed()) {
    if (isIP(hop) === 0) return peer;
    if (!trusted.check(hop, typeOf(hop))) return hop;
  }
  return peer;
}

export function setClientAddress(req: IncomingMessage, trusted: BlockList): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trusted);
}
