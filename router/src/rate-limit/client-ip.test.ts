import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddressKey, FORWARDED_PROOF_HEADER, signForwardedFor } from '@hospital/service-kit';
import { clientAddress, compileTrustProxy, createClientAddressResolver, parseTrustProxy } from './client-ip.ts';

function request(peer: string, forwardedFor?: string, proof?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const req = new IncomingMessage(socket);
  req.method = 'POST';
  req.url = '/graphql';
  if (forwardedFor) req.headers['x-forwarded-for'] = forwardedFor;
  if (proof) req.headers[FORWARDED_PROOF_HEADER] = proof;
  return req;
}

const SECRET = 'proxy-secret-of-this-test-0123456789abcdef';

/** A proof as the web server makes it for `POST /graphql`. */
const prove = (secret: string, forwardedFor: string, now?: number) => signForwardedFor(secret, { method: 'POST', path: '/graphql', forwardedFor }, now);

describe('trust proxy', () => {
  it('parses off, on, hop counts and address lists, and refuses bad addresses', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow();
    expect(() => parseTrustProxy('not-an-address')).toThrow();
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    const spoofed = request('127.0.0.1', '203.0.113.7');
    expect(clientAddress(spoofed, compileTrustProxy(false))).toBe('127.0.0.1');
    expect(clientAddress(spoofed, compileTrustProxy(['loopback']))).toBe('203.0.113.7');
    expect(clientAddress(request('198.51.100.1', '203.0.113.7'), compileTrustProxy(['loopback']))).toBe('198.51.100.1');
  });

  it('takes the address one trusted hop away, not a client-written one further left', () => {
    const chain = request('127.0.0.1', '1.1.1.1, 203.0.113.7');
    expect(clientAddress(chain, compileTrustProxy(1))).toBe('203.0.113.7');
    expect(clientAddress(chain, compileTrustProxy(['loopback']))).toBe('203.0.113.7');
  });
});

describe('createClientAddressResolver: a proxy proves itself, not its address', () => {
  const resolve = createClientAddressResolver({ trustProxy: false, proxySecret: SECRET });

  it('gives a loopback client forging X-Forwarded-For without proof its own socket address', () => {
    expect(resolve(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1');
    expect(resolve(request('127.0.0.1', '203.0.113.7', 'made-up'))).toBe('127.0.0.1');
    expect(resolve(request('127.0.0.1', '203.0.113.7', prove('another-secret-of-at-least-32-characters', '203.0.113.7')))).toBe('127.0.0.1');
  });

  it('believes the address a proven proxy appended, and nothing a client wrote before it', () => {
    expect(resolve(request('127.0.0.1', '203.0.113.7', prove(SECRET, '203.0.113.7')))).toBe('203.0.113.7');
    const chain = '1.1.1.1, 203.0.113.7';
    expect(resolve(request('127.0.0.1', chain, prove(SECRET, chain)))).toBe('203.0.113.7');
  });

  it('refuses a proof made for another X-Forwarded-For (no replay onto a chosen address)', () => {
    expect(resolve(request('127.0.0.1', '198.51.100.1', prove(SECRET, '203.0.113.7')))).toBe('127.0.0.1');
  });

  it('refuses a proof replayed after 30 s or onto another request (method, path)', () => {
    let now = Date.parse('2026-12-06T12:00:00Z');
    const clocked = createClientAddressResolver({ trustProxy: false, proxySecret: SECRET, clock: () => now });
    const proof = prove(SECRET, '203.0.113.7', now);
    const captured = request('127.0.0.1', '203.0.113.7', proof);
    expect(clocked(captured)).toBe('203.0.113.7');
    const otherPath = request('127.0.0.1', '203.0.113.7', proof);
    otherPath.url = '/graphql?replayed=1';
    expect(clocked(otherPath)).toBe('127.0.0.1');
    now += 31_000;
    // A replay is a new request carrying the captured headers.
    const replayed = request('127.0.0.1', '203.0.113.7', proof);
    expect(clocked(replayed)).toBe('127.0.0.1');
    expect(clocked.isTrustedProxy(replayed)).toBe(false);
  });

  it('resolves each request once, however often its address is asked (the proof is checked once)', () => {
    let clockReads = 0;
    const counted = createClientAddressResolver({ trustProxy: false, proxySecret: SECRET, clock: () => ((clockReads += 1), Date.now()) });
    const req = request('127.0.0.1', '203.0.113.7', prove(SECRET, '203.0.113.7'));
    expect([counted(req), counted(req), counted.isTrustedProxy(req)]).toEqual(['203.0.113.7', '203.0.113.7', true]);
    expect(clockReads).toBe(1);
  });

  it('without a secret, nothing proves itself: only ROUTER_TRUST_PROXY decides', () => {
    const none = createClientAddressResolver({ trustProxy: false });
    expect(none(request('127.0.0.1', '203.0.113.7', prove(SECRET, '203.0.113.7')))).toBe('127.0.0.1');
    const byAddress = createClientAddressResolver({ trustProxy: ['10.0.0.0/8'], proxySecret: SECRET });
    expect(byAddress(request('10.1.2.3', '203.0.113.7'))).toBe('203.0.113.7');
    expect(byAddress(request('127.0.0.1', '203.0.113.7'))).toBe('127.0.0.1');
  });

  it('tells the connection cap which connections are a proxy’s (proven, or trusted by address)', () => {
    const resolver = createClientAddressResolver({ trustProxy: ['10.0.0.0/8'], proxySecret: SECRET });
    expect(resolver.isTrustedProxy(request('127.0.0.1', '203.0.113.7', prove(SECRET, '203.0.113.7')))).toBe(true);
    expect(resolver.isTrustedProxy(request('10.1.2.3'))).toBe(true);
    expect(resolver.isTrustedProxy(request('127.0.0.1', '203.0.113.7', 'forged'))).toBe(false);
  });

  it('a hop count or `true` trusts X-Forwarded-For but exempts no direct client from the connection cap', () => {
    for (const trustProxy of [true, 1, 2] as const) {
      const resolver = createClientAddressResolver({ trustProxy, proxySecret: SECRET });
      expect(resolver(request('198.51.100.4', '203.0.113.7'))).toBe('203.0.113.7');
      expect(resolver.isTrustedProxy(request('198.51.100.4', '203.0.113.7'))).toBe(false);
      expect(resolver.isTrustedProxy(request('198.51.100.4'))).toBe(false);
    }
  });
});

describe('clientAddressKey', () => {
  it('counts IPv6 clients by their /64, IPv4 (also mapped) by address', () => {
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressKey('unknown')).toBe('unknown');
  });
});
