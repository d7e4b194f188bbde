import type { IncomingMessage } from 'node:http';

/**
 * The header the gate sets to the peer's address, replacing any value a client sent: the auth
 * library keys its rate limits and sessions on it. Behind a reverse proxy the peer is the proxy.
 */
export const CLIENT_ADDRESS_HEADER = 'x-versus-client-address';

export function setClientAddress(req: IncomingMessage): void {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
}
