import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { ObjectLocation } from '../domain/dataset.ts';
import { boundaryOf, type FormHead, MalformedForm, readFormHead, serializeFormHead } from './form-head.ts';
import type { LocalUser } from './http-api-event.ts';
import { sendProblem } from './http-helpers.ts';
import { nextSequencer } from './local-pipeline.ts';
import { decodePath } from './request-target.ts';
import { uploadFieldsRefusal } from './upload-fields.ts';
import { checkUploadPolicy } from './upload-policy.ts';

/** A presigned form's fields (policy, signature, key, metadata) take a few kilobytes. */
const MAX_FORM_HEAD_BYTES = 64 * 1024;

/** Answers a refusal; the unread rest of the upload is drained so that the answer reaches the client. */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, title: string): void {
  request.resume();
  sendProblem(response, status, title);
}

/**
 * The browser's presigned POST, passed through to the S3 emulator from the page's own origin, the
 * file streamed, never buffered. S3 would then send an ObjectCreated event; the emulator does not,
 * so once the object is stored, `stored` is called with its location.
 *
 * s3rver checks no POST policy: this proxy reads the fields first and checks them before a byte
 * reaches storage — the key in the signed-in anchor's folder and the anchor metadata naming it, so a
 * forged form can neither overwrite nor add to another institution's files; then the policy as S3
 * would (not expired, every condition met, the file's size within its range).
 */
export async function proxyUpload(
  request: IncomingMessage,
  response: ServerResponse,
  target: { readonly s3Endpoint: string; readonly bucket: string },
  user: LocalUser,
  stored: (location: ObjectLocation) => void,
): Promise<void> {
  const boundary = boundaryOf(request.headers['content-type']);
  if (!boundary) return refuse(request, response, 400, 'An upload is a multipart/form-data form');
  let head: FormHead;
  try {
    head = await readFormHead(request, boundary, MAX_FORM_HEAD_BYTES);
  } catch (error) {
    if (error instanceof MalformedForm) return refuse(request, response, 400, error.message);
    throw error;
  }
  const refusal = uploadFieldsRefusal(head.fields, user.anchorId);
  if (refusal) return refuse(request, response, 403, refusal);
  const policy = checkUploadPolicy(head.fields, new Date());
  if (policy.refusal !== undefined) return refuse(request, response, 403, policy.refusal);
  const sizeRefusal = fileSizeRefusal(request, head, policy);
  if (sizeRefusal) return refuse(request, response, 400, sizeRefusal);
  return forward(request, response, head, target, user, stored);
}

/**
 * The file's size against the policy's range, from the body's length: a browser's form ends with its
 * file (S3 ignores what follows it), then the closing boundary. A body of unknown length is passed on.
 */
function fileSizeRefusal(
  request: IncomingMessage,
  head: FormHead,
  range: { readonly minBytes: number; readonly maxBytes: number },
): string | undefined {
  const length = Number(request.headers['content-length']);
  if (!Number.isSafeInteger(length)) return undefined;
  const fileBytes = length - head.headBytes - Buffer.byteLength(`\r\n--${head.boundary}--\r\n`);
  if (fileBytes < range.minBytes) return 'The file is empty';
  if (fileBytes > range.maxBytes)
    return `The file is larger than the ${range.maxBytes} bytes an upload may be`;
  return undefined;
}

function forward(
  request: IncomingMessage,
  response: ServerResponse,
  head: FormHead,
  target: { readonly s3Endpoint: string; readonly bucket: string },
  user: LocalUser,
  stored: (location: ObjectLocation) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      `${target.s3Endpoint}/${target.bucket}`,
      {
        method: 'POST',
        // The head is written anew, so the length differs from the client's: sent chunked.
        headers: { 'content-type': `multipart/form-data; boundary="${head.boundary}"` },
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const location = answer.headers.location;
        answer.resume();
        if (status >= 300 || !location) {
          sendProblem(response, status >= 400 ? status : 502, 'The file could not be stored');
          return resolve();
        }
        const key = decodePath(new URL(location).pathname.slice(`/${target.bucket}/`.length));
        // Checked before storing; the emulator's own word on where it put the file is checked too.
        if (key === undefined || !key.startsWith(`uploads/${user.anchorId}/`)) {
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
    upstream.write(serializeFormHead(head));
    upstream.write(head.rest);
    // A client that goes away mid-file takes the upstream request down with it, and the reverse.
    pipeline(request, upstream, (error) => {
      if (error) reject(error);
    });
  });
}
