import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadSigner } from '../ports/upload-signer.ts';

/**
 * Presigned POST rather than PUT: the policy itself enforces the size range, the exact key and the
 * metadata, so a signed form cannot be reused for a bigger file or another anchor's folder.
 */
export function createS3UploadSigner(client: S3Client, now: () => Date = () => new Date()): UploadSigner {
  return {
    async presignPost(request) {
      const metadata = Object.entries(request.metadata).map(
        ([name, value]) => [`x-amz-meta-${name}`, value] as const,
      );
      const post = await createPresignedPost(client, {
        Bucket: request.bucket,
        Key: request.key,
        Expires: request.expiresSeconds,
        Conditions: [
          ['content-length-range', 1, request.maxBytes],
          ['eq', '$key', request.key],
          ...metadata.map(([name, value]) => ['eq', `$${name}`, value] as ['eq', string, string]),
        ],
        Fields: Object.fromEntries(metadata),
      });
      return {
        url: post.url,
        fields: post.fields,
        key: request.key,
        expiresAt: new Date(now().getTime() + request.expiresSeconds * 1000).toISOString(),
      };
    },
    presignGet: (bucket, key, expiresSeconds) =>
      getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: expiresSeconds }),
  };
}
