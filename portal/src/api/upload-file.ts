import type { UploadForm } from '../../../shared/contracts/portal-api.ts';

/**
 * Sends the file with the presigned POST: the signed fields first, the file last (S3 ignores fields
 * after it). XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function uploadFile(
  form: UploadForm,
  file: Blob,
  fileName: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', file, fileName);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', form.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new Error(uploadFailure(request.status, request.responseText)));
      }
    });
    request.addEventListener('error', () => reject(new Error('network error')));
    request.addEventListener('abort', () => reject(new Error('aborted')));
    request.send(body);
  });
}

/** S3 answers errors in XML: its `<Message>` says what was refused (size, expiry, policy). */
function uploadFailure(status: number, responseText: string): string {
  const message = /<Message>([^<]*)<\/Message>/.exec(responseText)?.[1];
  return message ? `${message} (HTTP ${status})` : `HTTP ${status}`;
}
