import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isLoopbackHostWithPort } from './request-guard.ts';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Lets an emulator answer this machine's own clients only. dynalite answers any origin with
 * `Access-Control-Allow-Origin: *`, and s3rver takes the cross-site form posts a browser sends
 * without asking: while `ancrage serve` runs, any page open in the user's browser that found the port
 * could read the table or plant a report. The AWS SDK sends no `Origin` and names the loopback address
 * it was given (a test's fault-injecting proxy passes on its own port); a request that carries an
 * `Origin` (a browser's fetch or form) or names another host (a DNS-rebinding page) is refused with a
 * 403 before the emulator sees it.
 */
export function answeringLocalClientsOnly(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.origin !== undefined || !isLoopbackHostWithPort(request.headers.host)) {
      request.resume();
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      response.end('the embedded emulators answer the local stack only\n');
      return;
    }
    for (const listener of listeners) listener.call(server, request, response);
  });
}
