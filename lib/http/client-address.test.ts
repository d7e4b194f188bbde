import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { trustedProxies } from '@/lib/config';
import { clientAddress } from './client-address';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the client address behind reverse proxies', () => {
  const proxies = trustedProxies('127.0.0.1, 172.16.0.0/12, ::1');

  it('is the peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trustedProxies(undefined))).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), proxies)).toBe('203.0.113.9');
  });

  it('is the last address a trusted proxy saw, not one the client made up before it', () => {
    // nginx appends the peer it saw: the client sent "6.6.6.6" itself.
    expect(clientAddress(request('127.0.0.1', '6.6.6.6, 198.51.100.7'), proxies)).toBe(
      '198.51.100.7',
    );
    // Two trusted hops (a load balancer in front of nginx in a container network).
    expect(clientAddress(request('172.18.0.5', '198.51.100.7, 172.18.0.2'), proxies)).toBe(
      '198.51.100.7',
    );
    expect(clientAddress(request('::ffff:127.0.0.1', '2001:db8::7'), proxies)).toBe('2001:db8::7');
  });

  it('falls back to the peer on a missing or malformed header', () => {
    expect(clientAddress(request('127.0.0.1'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', '127.0.0.1'), proxies)).toBe('127.0.0.1');
  });

  it('refuses a malformed proxy list at start', () => {
    expect(() => trustedProxies('10.0.0.0/x')).toThrow(/VERSUS_TRUSTED_PROXIES/);
    expect(() => trustedProxies('proxy.example')).toThrow(/not an address/);
  });
});
