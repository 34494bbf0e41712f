/**
 * A body that breaks mid-stream (a connection reset; s3rver does it when an object is rewritten while
 * it is read) cannot be produced on demand by the emulator: the S3 client is mocked to inject it.
 */
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3ObjectStore } from '../../../shared/adapters/s3-object-store.ts';

const stub = mockClient(S3Client);
const location = { bucket: 'reports', key: 'reports/x/report.json' };

const body = (text: string | Error) => ({
  transformToString: () => (text instanceof Error ? Promise.reject(text) : Promise.resolve(text)),
});

afterEach(() => stub.reset());

describe('readText', () => {
  const store = () => createS3ObjectStore(new S3Client({ region: 'eu-west-3' }));

  it('reads a body cut off mid-stream again', async () => {
    stub
      .on(GetObjectCommand)
      .resolvesOnce({ Body: body(new Error('aborted')) } as never)
      .resolves({ Body: body('{"ok":true}') } as never);
    expect(await store().readText(location)).toBe('{"ok":true}');
    expect(stub.commandCalls(GetObjectCommand)).toHaveLength(2);
  });

  it('passes the error on when the body breaks three times', async () => {
    stub.on(GetObjectCommand).resolves({ Body: body(new Error('aborted')) } as never);
    await expect(store().readText(location)).rejects.toThrow('aborted');
    expect(stub.commandCalls(GetObjectCommand)).toHaveLength(3);
  });

  it('answers undefined for a missing object, without reading again', async () => {
    stub.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'gone', $metadata: {} }));
    expect(await store().readText(location)).toBeUndefined();
    expect(stub.commandCalls(GetObjectCommand)).toHaveLength(1);
  });
});
