import type { IncomingMessage } from 'node:http';

/** The loopback address by number, v4 and v6, and by name: never a name a page could point elsewhere. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The names the local server answers to. Any page on the web can point a name of its own at
 * 127.0.0.1 (DNS rebinding) and then read the server's answers as if it were the portal; its
 * requests still carry that name in `Host`, so only loopback names with the server's port pass.
 * Browsers leave the port out of `Host` when it is the scheme's default, hence the bare names on 80.
 */
export function loopbackHosts(port: number): ReadonlySet<string> {
  return new Set([
    ...LOOPBACK_NAMES.map((name) => `${name}:${port}`),
    ...(port === 80 ? LOOPBACK_NAMES : []),
  ]);
}

/** Whether a `Host` names a loopback address with an explicit port, whichever port it is. */
export function isLoopbackHostWithPort(host: string | undefined): boolean {
  const colon = host?.lastIndexOf(':') ?? -1;
  if (!host || colon === -1 || !/^[0-9]+$/.test(host.slice(colon + 1))) return false;
  return LOOPBACK_NAMES.includes(host.slice(0, colon).toLowerCase());
}

export function isAllowedHost(request: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && hosts.has(host);
}

/** Methods that read only: every other method must come from the portal's own page. */
const READS = new Set(['GET', 'HEAD']);

/**
 * Whether a state-changing request was sent by a page of another origin. The session cookie is
 * SameSite=Strict already; `Origin`, which browsers send on every such request, is checked as well
 * in case a browser sends the cookie anyway. Its absence (curl, scripts) is no browser's doing.
 * Call after `isAllowedHost`: the origin must be the very name and port the request came to.
 */
export function isForeignStateChange(request: IncomingMessage): boolean {
  if (READS.has(request.method ?? 'GET')) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const host = request.headers.host?.toLowerCase();
  return host === undefined || origin.toLowerCase() !== `http://${host}`;
}
