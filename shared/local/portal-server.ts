import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { portalCsp, REPORTS_CSP } from '../contracts/content-security.ts';
import type { LocalAnchors } from '../contracts/portal-api.ts';
import type { ObjectLocation } from '../domain/dataset.ts';
import { bridgeToApi, bridgeToSurveyForm } from './api-bridge.ts';
import type { EmbeddedStack } from './embedded-stack.ts';
import { readBody, sendJson, sendProblem } from './http-helpers.ts';
import {
  clearedSessionCookie,
  LocalSessionBodySchema,
  LocalSessions,
  sessionCookie,
  tokenOf,
} from './local-sessions.ts';
import { notBuiltPage } from './not-built-page.ts';
import { isAllowedHost, isForeignStateChange, loopbackHosts } from './request-guard.ts';
import { decodePath, requestTarget } from './request-target.ts';
import { resolveStaticFile, sendFile } from './static-files.ts';
import { proxyUpload } from './upload-proxy.ts';

export interface PortalServerOptions {
  readonly stack: EmbeddedStack;
  readonly s3: S3Client;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built front end (Vite's `dist`); a page saying it is not built when absent. */
  readonly staticDir: string | undefined;
  /** Whom one may sign in as. */
  readonly anchors: LocalAnchors['anchors'];
  /** What S3 would do after an upload: send ObjectCreated on to ingest. */
  readonly uploaded: (location: ObjectLocation) => void;
}

export interface PortalServer {
  readonly url: string;
  stop(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/**
 * The portal on a laptop: the API handler behind `/api` (as API Gateway would call it), a local
 * sign-in standing in for Cognito, the upload proxy, the published reports under `/reports/`, and
 * the built front end. Bound to loopback only.
 */
export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  const sessions = new LocalSessions();
  const anchorIds = new Set(options.anchors.map((anchor) => anchor.id));

  async function localSession(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'DELETE') {
      sessions.close(tokenOf(request.headers.cookie));
      response.writeHead(204, { 'set-cookie': clearedSessionCookie });
      return void response.end();
    }
    if (request.method !== 'POST') return sendProblem(response, 405, `${request.method} is not allowed here`);
    let parsed: unknown;
    try {
      parsed = JSON.parse((await readBody(request, 4096)).toString('utf8'));
    } catch {
      return sendProblem(response, 400, 'The body is not JSON');
    }
    const body = LocalSessionBodySchema.safeParse(parsed);
    if (!body.success) return sendProblem(response, 400, 'Give a name and choose an institution');
    if (!anchorIds.has(body.data.anchorId)) {
      return sendProblem(response, 400, 'Choose one of the institutions offered');
    }
    const token = sessions.open(body.data);
    response.writeHead(204, { 'set-cookie': sessionCookie(token), 'cache-control': 'no-store' });
    response.end();
  }

  async function report(response: ServerResponse, path: string): Promise<void> {
    const relative = decodePath(path.slice('/reports/'.length));
    if (relative === undefined) return sendProblem(response, 400, 'The address is not valid');
    if (
      relative.split('/').some((segment) => segment === '..' || segment === '.') ||
      relative.includes('\\')
    ) {
      return sendProblem(response, 404, 'No such report');
    }
    const key = `reports/${relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative}`;
    try {
      const object = await options.s3.send(
        new GetObjectCommand({ Bucket: options.stack.buckets.reports, Key: key }),
      );
      if (!object.Body) return sendProblem(response, 404, 'No such report');
      response.writeHead(200, {
        'content-type': object.ContentType ?? 'application/octet-stream',
        'content-security-policy': REPORTS_CSP,
        'cache-control': 'no-cache',
      });
      // Streamed: a large report is never held whole in memory.
      await pipeline(object.Body as Readable, response);
    } catch (error) {
      if (error instanceof NoSuchKey) return sendProblem(response, 404, 'No such report');
      throw error;
    }
  }

  // The port is known once listening (0 picks one); no request is answered before.
  let hosts: ReadonlySet<string> = new Set();

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
    if (!isAllowedHost(request, hosts)) {
      const detail = `Open http://${[...hosts][0]}/ instead.`;
      return sendProblem(response, 421, 'This server answers only at its loopback address', detail);
    }
    const target = requestTarget(request.url);
    if (!target) return sendProblem(response, 400, 'The address is not valid');
    const { path } = target;
    // The survey's form posts with `Origin: null`: its page's `no-referrer` policy, which keeps the
    // token from leaking, makes the browser send that. No cookie is read on those routes.
    const formPost = path.startsWith('/survey/') && request.headers.origin === 'null';
    if (!formPost && isForeignStateChange(request)) {
      return sendProblem(response, 403, 'This request did not come from the portal');
    }
    const user = sessions.userOf(request.headers.cookie);
    if (path === '/api/local/anchors') return sendJson(response, 200, { anchors: options.anchors });
    if (path === '/api/local/session') return localSession(request, response);
    if (path.startsWith('/api/')) {
      if (!user) return sendProblem(response, 401, 'Sign in first');
      return bridgeToApi(request, response, path.slice('/api'.length), target.query, user, options.stack);
    }
    // The supplier survey's form: no session, as in AWS (the token in the path is the authorisation).
    if (path.startsWith('/survey/')) return bridgeToSurveyForm(request, response, path, target.query);
    if (path === `/s3/${options.stack.buckets.uploads}` && request.method === 'POST') {
      if (!user) return sendProblem(response, 401, 'Sign in first');
      const bucket = { s3Endpoint: options.stack.s3Endpoint, bucket: options.stack.buckets.uploads };
      return proxyUpload(request, response, bucket, user, options.uploaded);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendProblem(response, 405, `${request.method} is not allowed here`);
    }
    if (path.startsWith('/reports/')) return report(response, path);
    response.setHeader('content-security-policy', portalCsp());
    const file = options.staticDir ? await resolveStaticFile(options.staticDir, path) : undefined;
    if (file) return sendFile(response, file, { 'cache-control': 'no-cache' });
    if (options.staticDir && /\.[a-z0-9]+$/i.test(path)) return sendProblem(response, 404, 'No such file');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(notBuiltPage(options.staticDir));
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      process.stderr.write(`ancrage serve: ${request.method} ${request.url}: ${String(error)}\n`);
      if (!response.headersSent) sendProblem(response, 500, 'Something went wrong on our side');
      else response.destroy();
    });
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve(server.address() as AddressInfo));
  });
  hosts = loopbackHosts(address.port);
  return {
    url: `http://${LOOPBACK}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
