/**
 * The embedded emulators answer the local stack's SDK clients, never a web page open in the user's
 * browser while `ancrage serve` runs, nor a page that rebinds a host name to the loopback address.
 */
import { request } from 'node:http';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, putItem, startHarness } from '../helpers.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());

/** A raw HTTP request, with whatever headers a browser or a rebinding page would send. */
function send(url: string, options: { method: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sent = request(url, { method: options.method, headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end(options.body);
  });
}

const scan = (tableName: string) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'DynamoDB_20120810.Scan',
    'x-amz-date': '20261204T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=local/20261204/eu-west-3/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
  },
  body: JSON.stringify({ TableName: tableName }),
});

describe('the embedded emulators', () => {
  it('answer a request like the SDK’s, and refuse it from a browser page or for another host', async () => {
    await putItem(harness, { pk: 'PROBE', sk: 'PROBE', entityType: 'probe' });
    const endpoint = harness.stack.dynamoDbEndpoint;
    const plain = scan(harness.stack.tableName);
    // The same request as the SDK's, to show that the refusals below are the guard's.
    expect((await send(endpoint, plain)).body).toContain('PROBE');
    const foreign: Record<string, string>[] = [
      { origin: 'https://pages.example' },
      { host: 'rebound.example:80' },
    ];
    for (const headers of foreign) {
      const refused = await send(endpoint, { ...plain, headers: { ...plain.headers, ...headers } });
      expect(refused.status).toBe(403);
      expect(refused.body).not.toContain('PROBE');
    }
  });

  it('store no object a cross-site form posts to S3', async () => {
    const { s3Endpoint, buckets } = harness.stack;
    const boundary = 'xboundary';
    const form = [
      `--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nplanted/report.html\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.html"\r\nContent-Type: text/html\r\n\r\n<p>planted</p>\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const posted = await send(`${s3Endpoint}/${buckets.reports}`, {
      method: 'POST',
      headers: {
        origin: 'https://pages.example',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: form,
    });
    expect(posted.status).toBe(403);
    const head = harness.s3.send(
      new HeadObjectCommand({ Bucket: buckets.reports, Key: 'planted/report.html' }),
    );
    await expect(head).rejects.toMatchObject({ name: 'NotFound' });
  });
});
