import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ObjectLocation } from '../domain/dataset.ts';
import type { LocalUser } from './http-api-event.ts';
import { sendProblem } from './http-helpers.ts';
import { nextSequencer } from './local-pipeline.ts';

/**
 * The browser's presigned POST, passed through to the S3 emulator unchanged (multipart body
 * streamed, never buffered), from the page's own origin. S3 would then send an ObjectCreated event;
 * the emulator does not, so once the object is stored, `stored` is called with its location.
 *
 * s3rver does not check POST policies: this proxy keeps the one rule that matters locally, that an
 * upload lands in the signed-in user's own folder, and only such an upload is ingested.
 */
export function proxyUpload(
  request: IncomingMessage,
  response: ServerResponse,
  target: { readonly s3Endpoint: string; readonly bucket: string },
  user: LocalUser,
  stored: (location: ObjectLocation) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      `${target.s3Endpoint}/${target.bucket}`,
      {
        method: 'POST',
        headers: {
          'content-type': request.headers['content-type'] ?? '',
          ...(request.headers['content-length']
            ? { 'content-length': request.headers['content-length'] }
            : { 'transfer-encoding': 'chunked' }),
        },
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const location = answer.headers.location;
        answer.resume();
        if (status >= 300 || !location) {
          sendProblem(response, status >= 400 ? status : 502, 'The file could not be stored');
          return resolve();
        }
        const key = decodeURIComponent(new URL(location).pathname.slice(`/${target.bucket}/`.length));
        if (!key.startsWith(`uploads/${user.anchorId}/`)) {
          sendProblem(
            response,
            403,
            'This upload is not in your institution’s folder: it will not be counted',
          );
          return resolve();
        }
        const eTag = answer.headers.etag;
        stored({ bucket: target.bucket, key, ...(eTag ? { eTag } : {}), sequencer: nextSequencer() });
        response.writeHead(204, { 'cache-control': 'no-store', ...(eTag ? { etag: eTag } : {}) });
        response.end();
        resolve();
      },
    );
    upstream.on('error', reject);
    request.pipe(upstream);
  });
}
