import { expect } from 'vitest';
import { handler } from '../../../functions/api/handler.ts';
import { ENV } from '../../../shared/contracts/environment.ts';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import { deliverToRules } from '../../../shared/local/event-rules.ts';
import { localLambdaContext } from '../../../shared/local/lambda-context.ts';
import { type LocalEventBus, startLocalEventBus } from '../../../shared/local/local-event-bus.ts';
import { type Harness, putUpload, SYNTHETIC_PAYMENTS, startHarness } from '../helpers.ts';

export const OWN = 'anchor-a';
/** The API's public name in these tests, as API Gateway gives it in `requestContext.domainName`. */
export const API_DOMAIN = 'api.ancrage.example';
export const FOREIGN = 'anchor-b';

export interface CallOptions {
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly path?: Record<string, string>;
  readonly query?: Record<string, string>;
  /** The caller's anchor claim; null for a user bound to none. */
  readonly anchor?: string | null;
  /** The user-pool groups claim, as API Gateway passes it on (`[a b]`). */
  readonly groups?: string;
}

export interface ApiAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field against the contract
  readonly body: any;
  readonly text: string;
  readonly headers: Readonly<Record<string, string | number | boolean>>;
}

/** Calls the API handler with an HTTP API v2 event, as API Gateway does after the JWT authorizer. */
export async function call(routeKey: string, options: CallOptions = {}): Promise<ApiAnswer> {
  const claims: Record<string, string> = { sub: 'user-1', email: 'agent@ville.example' };
  if (options.anchor !== null) claims['custom:anchor'] = options.anchor ?? OWN;
  if (options.groups !== undefined) claims['cognito:groups'] = options.groups;
  const event = {
    version: '2.0',
    routeKey,
    pathParameters: options.path,
    queryStringParameters: options.query,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    isBase64Encoded: false,
    // API Gateway names the domain the request came to: the survey's links start with it.
    requestContext: { domainName: API_DOMAIN, authorizer: { jwt: { claims } } },
  };
  const response = await handler(event, localLambdaContext('api'));
  const text = response.body ?? '';
  const type = String(response.headers?.['content-type'] ?? '');
  return {
    status: response.statusCode ?? 0,
    body: type.includes('json') ? JSON.parse(text) : undefined,
    text,
    headers: response.headers ?? {},
  };
}

/** A refusal as the contract promises it: problem JSON, a title, nothing internal. */
export function expectProblem(answer: ApiAnswer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.body).toMatchObject({ type: 'about:blank', status });
  expect(answer.body.title.length).toBeGreaterThan(5);
  expect(answer.text).not.toMatch(/at \w+ \(|node_modules|Exception|ZodError/);
}

export interface ApiWorld {
  readonly harness: Harness;
  readonly bus: LocalEventBus;
  stop(): Promise<void>;
}

/**
 * An embedded stack with the sample payments ingested once for each of two anchors, and a local
 * event bus wired as the app stack's rules, so that ingests and rebuild requests really build reports.
 */
export async function startApiWorld(): Promise<ApiWorld> {
  const harness = await startHarness();
  const bus = await startLocalEventBus(deliverToRules);
  process.env[ENV.eventBusName] = bus.busName;
  process.env[ENV.eventsEndpoint] = bus.endpoint;
  for (const anchorId of [OWN, FOREIGN]) {
    await harness.pipeline.ingest(await harness.pipeline.upload({ path: SYNTHETIC_PAYMENTS, anchorId }));
  }
  await bus.idle();
  return {
    harness,
    bus,
    async stop() {
      await bus.idle();
      delete process.env[ENV.eventBusName];
      delete process.env[ENV.eventsEndpoint];
      await bus.stop();
      await harness.stop();
    },
  };
}

/** The own anchor's first dataset, and the foreign anchor's. */
export async function datasetIds(): Promise<{ own: string; foreign: string }> {
  const own = (await call('GET /datasets')).body.datasets[0].id;
  const foreign = (await call('GET /datasets', { anchor: FOREIGN })).body.datasets[0].id;
  return { own, foreign };
}

/**
 * Signs an upload as the caller through the API, stores the file where the form says (as the browser
 * would post it), and ingests it; the dataset as ingest left it.
 */
export async function uploadThroughApi(
  harness: Harness,
  caller: { readonly anchor: string; readonly groups?: string },
  request: { readonly fileName: string; readonly text: string; readonly scope?: 'consortium' },
): Promise<DatasetRecord> {
  const signed = await call('POST /uploads', {
    anchor: caller.anchor,
    ...(caller.groups ? { groups: caller.groups } : {}),
    body: {
      fileName: request.fileName,
      kind: 'payments',
      ...(request.scope ? { scope: request.scope } : {}),
    },
  });
  expect(signed.status).toBe(201);
  const location = await putUpload(harness, signed.body.key, request.text, {
    anchor: signed.body.fields['x-amz-meta-anchor'],
    kind: 'payments',
  });
  const [outcome] = await harness.pipeline.ingest(location);
  if (!outcome) throw new Error('no ingest outcome');
  return outcome.dataset;
}
