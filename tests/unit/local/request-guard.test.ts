import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isAllowedHost, isForeignStateChange, loopbackHosts } from '../../../shared/local/request-guard.ts';

/** Only the request line's method and the headers matter to the guard. */
const request = (method: string, headers: Record<string, string>) => ({ method, headers }) as IncomingMessage;

describe('isAllowedHost: only the loopback names of the server’s port (DNS rebinding)', () => {
  const hosts = loopbackHosts(8080);

  it.each(['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', '[::1]:8080'])('%s passes', (host) => {
    expect(isAllowedHost(request('GET', { host }), hosts)).toBe(true);
  });

  it.each([
    'rebound.example:8080',
    '127.0.0.1',
    '127.0.0.1:8081',
    'localhost',
    '127.0.0.2:8080',
    '0.0.0.0:8080',
    'localhost.:8080',
    'localhost:8080.evil.example',
    '',
  ])('"%s" is refused', (host) => {
    expect(isAllowedHost(request('GET', { host }), hosts)).toBe(false);
  });

  it('refuses a request without Host', () => {
    expect(isAllowedHost(request('GET', {}), hosts)).toBe(false);
  });

  it('takes the bare names on port 80, where browsers leave the port out', () => {
    expect(isAllowedHost(request('GET', { host: 'localhost' }), loopbackHosts(80))).toBe(true);
  });
});

describe('isForeignStateChange: a state change must come from the page it was sent to', () => {
  const host = '127.0.0.1:8080';

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s from another site is foreign', (method) => {
    expect(isForeignStateChange(request(method, { host, origin: 'https://elsewhere.example' }))).toBe(true);
  });

  it.each([
    'null',
    'http://localhost:8080',
    'https://127.0.0.1:8080',
    'http://127.0.0.1:8081',
    'http://127.0.0.1:8080.evil.example',
  ])('Origin "%s" on a POST to 127.0.0.1:8080 is foreign', (origin) => {
    expect(isForeignStateChange(request('POST', { host, origin }))).toBe(true);
  });

  it('lets the page’s own origin, and a client that sends none (curl, scripts), change state', () => {
    expect(isForeignStateChange(request('POST', { host, origin: 'http://127.0.0.1:8080' }))).toBe(false);
    expect(
      isForeignStateChange(request('PUT', { host: 'localhost:8080', origin: 'http://LOCALHOST:8080' })),
    ).toBe(false);
    expect(isForeignStateChange(request('POST', { host }))).toBe(false);
  });

  it('leaves reads alone: a cross-site GET gets no cookie and cannot read the answer', () => {
    expect(isForeignStateChange(request('GET', { host, origin: 'https://elsewhere.example' }))).toBe(false);
    expect(isForeignStateChange(request('HEAD', { host, origin: 'https://elsewhere.example' }))).toBe(false);
  });
});
