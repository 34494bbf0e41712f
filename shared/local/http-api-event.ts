import { randomUUID } from 'node:crypto';
import { CONSORTIUM_ADMINISTRATORS_GROUP } from '../contracts/roles.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import type { MatchedRoute } from './api-route-table.ts';

export interface LocalUser {
  readonly name: string;
  readonly anchorId: string;
}

export interface IncomingApiRequest {
  readonly method: string;
  /** The path after `/api`, e.g. `/datasets/abc`. */
  readonly path: string;
  readonly rawQueryString: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * The API Gateway HTTP API (payload 2.0) event for a request, with the claims the Cognito JWT
 * authorizer would have verified — none for the survey's public form (`user` null), which has no
 * authorizer: the handler cannot tell it from AWS's. The loopback server speaks plain HTTP, which
 * `X-Forwarded-Proto` says as API Gateway says https.
 */
export function httpApiEvent(request: IncomingApiRequest, route: MatchedRoute, user: LocalUser | null) {
  const query = new URLSearchParams(request.rawQueryString);
  const now = new Date();
  const hasBody = request.body.length > 0;
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: request.path,
    rawQueryString: request.rawQueryString,
    headers: { ...request.headers, 'x-forwarded-proto': 'http' },
    ...(request.rawQueryString ? { queryStringParameters: Object.fromEntries(query) } : {}),
    ...(Object.keys(route.pathParameters).length > 0 ? { pathParameters: route.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(user ? { authorizer: authorizerOf(user) } : {}),
    },
    ...(hasBody
      ? { body: request.body.toString('base64'), isBase64Encoded: true }
      : { isBase64Encoded: false }),
  };
}

function authorizerOf(user: LocalUser) {
  return {
    jwt: {
      claims: {
        sub: `local:${user.name}`,
        email: user.name,
        'custom:anchor': user.anchorId,
        // Signed in as the consortium, one holds its administrators' role, as a Cognito group gives it.
        ...(user.anchorId === CONSORTIUM_UPLOADER
          ? { 'cognito:groups': `[${CONSORTIUM_ADMINISTRATORS_GROUP}]` }
          : {}),
      },
      scopes: null,
    },
  };
}
