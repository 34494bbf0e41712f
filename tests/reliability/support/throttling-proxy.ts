/**
 * A loopback HTTP proxy in front of the DynamoDB emulator that answers chosen requests the way
 * DynamoDB does when it throttles (HTTP 400, `ProvisionedThroughputExceededException` or
 * `ThrottlingException`). The AWS SDK's own retry middleware then runs for real, which a mocked
 * `send` (aws-sdk-client-mock) would bypass.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ThrottleError = 'ProvisionedThroughputExceededException' | 'ThrottlingException';

export interface SeenRequest {
  /** `BatchWriteItem`, `PutItem`, … (the operation named by `X-Amz-Target`). */
  readonly operation: string;
  readonly body: string;
  readonly at: number;
  readonly throttled: ThrottleError | undefined;
}

export interface ThrottlingProxy {
  readonly endpoint: string;
  readonly seen: readonly SeenRequest[];
  /** Decides, for each request in turn, whether (and how) to throttle it. */
  setRule(rule: (operation: string, index: number) => ThrottleError | undefined): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<ThrottleError, string> = {
  ProvisionedThroughputExceededException:
    'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  ThrottlingException: 'com.amazon.coral.availability#ThrottlingException',
};

export async function startThrottlingProxy(target: string): Promise<ThrottlingProxy> {
  const upstream = new URL(target);
  const seen: SeenRequest[] = [];
  let rule: (operation: string, index: number) => ThrottleError | undefined = () => undefined;
  const server: Server = createServer((incoming, answer) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const throttled = rule(operation, seen.length);
      seen.push({ operation, body: body.toString('utf-8'), at: performance.now(), throttled });
      if (throttled) {
        const payload = JSON.stringify({ __type: ERROR_TYPES[throttled], message: 'Rate exceeded' });
        answer.writeHead(400, {
          'content-type': 'application/x-amz-json-1.0',
          'content-length': Buffer.byteLength(payload),
          'x-amzn-requestid': `throttled-${seen.length}`,
        });
        answer.end(payload);
        return;
      }
      const forwarded = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (response) => {
          answer.writeHead(response.statusCode ?? 500, response.headers);
          response.pipe(answer);
        },
      );
      forwarded.on('error', (error) => answer.destroy(error));
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    setRule(next) {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
