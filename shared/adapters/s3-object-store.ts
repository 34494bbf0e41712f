import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from '../ports/object-store.ts';

/** The object, or the version the event named, is gone: deleted after its event was sent. */
const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NoSuchVersion'));

/** Reads of a small object whose body stream breaks, before the error is passed on. */
const MAX_BODY_READS = 3;

export function createS3ObjectStore(client: S3Client): ObjectStore {
  return {
    async open(location) {
      try {
        const response = await client.send(
          new GetObjectCommand({
            Bucket: location.bucket,
            Key: location.key,
            ...(location.versionId ? { VersionId: location.versionId } : {}),
          }),
        );
        if (!response.Body) throw new Error(`s3://${location.bucket}/${location.key} has no body`);
        return {
          // The SDK's body is a Node Readable in Node: an async iterable of Buffers, read as it streams.
          body: response.Body as AsyncIterable<Uint8Array>,
          sizeBytes: response.ContentLength ?? 0,
          metadata: new Map(
            Object.entries(response.Metadata ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
          ),
          eTag: response.ETag,
          versionId: response.VersionId,
          lastModified: response.LastModified?.toISOString(),
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async put(location, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: location.bucket,
          Key: location.key,
          Body: body,
          ContentType: contentType,
        }),
      );
    },

    async list(bucket, prefix) {
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      }
      return keys;
    },

    async readText(location) {
      // A body cut off mid-stream (a connection reset) is read again, a couple of times.
      for (let attempt = 1; ; attempt++) {
        let body: { transformToString(encoding: string): Promise<string> } | undefined;
        try {
          const response = await client.send(
            new GetObjectCommand({ Bucket: location.bucket, Key: location.key }),
          );
          body = response.Body;
        } catch (error) {
          if (isMissing(error)) return undefined;
          throw error;
        }
        try {
          return body ? await body.transformToString('utf-8') : undefined;
        } catch (error) {
          if (attempt >= MAX_BODY_READS) throw error;
        }
      }
    },
  };
}
