import type { Readable } from 'node:stream';

/**
 * The start of a browser's presigned POST (multipart/form-data): the fields before the `file` part —
 * all S3 reads, it ignores what follows the file — and the first bytes of the file.
 */
export interface FormHead {
  readonly boundary: string;
  /** Field names lower-cased (S3 reads them case-insensitively), values as sent. */
  readonly fields: ReadonlyMap<string, Buffer>;
  /** What was read past the file part's headers: the file's first bytes, and maybe all of it. */
  readonly rest: Buffer;
  /** The bytes of the body before the file's first. */
  readonly headBytes: number;
}

/** A body this proxy will not pass on: the client's error, a 400. */
export class MalformedForm extends Error {}

/** RFC 2046's boundary characters; 70 at most. */
const BOUNDARY =
  /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([0-9A-Za-z'()+_,./:=? -]{1,70})"|([0-9A-Za-z'()+_,./:=?-]{1,70}))\s*(?:;|$)/i;
/** The field names of a presigned form (`key`, `Policy`, `x-amz-meta-anchor`…): nothing to escape. */
const FIELD_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = BOUNDARY.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/** The `name` of a part from its headers; `filename` never matches, it is preceded by `file`. */
function partName(headers: string): string {
  const lines = headers.split('\r\n');
  const disposition = lines.find((line) => /^content-disposition\s*:/i.test(line));
  if (
    lines.some((line) => /^[ \t]/.test(line)) ||
    !disposition ||
    !/:\s*form-data\s*(;|$)/i.test(disposition)
  ) {
    throw new MalformedForm('a part of the form has no usable Content-Disposition');
  }
  const name = /;\s*name\s*=\s*(?:"([^"]*)"|([^;\s"]+))/i.exec(disposition);
  const value = name?.[1] ?? name?.[2];
  if (value === undefined || !FIELD_NAME.test(value))
    throw new MalformedForm('a field of the form has an unusual name');
  return value.toLowerCase();
}

/** The head once the buffer holds it whole; undefined while more bytes are needed. */
export function parseFormHead(buffer: Buffer, boundary: string): FormHead | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  if (buffer.length < delimiter.length + 2) {
    if (!delimiter.subarray(0, buffer.length).equals(buffer.subarray(0, delimiter.length))) {
      throw new MalformedForm('the body does not start with the form boundary');
    }
    return undefined;
  }
  if (!buffer.subarray(0, delimiter.length).equals(delimiter)) {
    throw new MalformedForm('the body does not start with the form boundary');
  }
  const fields = new Map<string, Buffer>();
  let position = delimiter.length;
  for (;;) {
    if (buffer.length < position + 2) return undefined;
    if (buffer.toString('latin1', position, position + 2) !== '\r\n') {
      throw new MalformedForm('the form ends before its file');
    }
    const headersEnd = buffer.indexOf('\r\n\r\n', position + 2);
    if (headersEnd === -1) return undefined;
    const name = partName(buffer.toString('utf8', position + 2, headersEnd));
    const valueStart = headersEnd + 4;
    if (name === 'file')
      return { boundary, fields, rest: buffer.subarray(valueStart), headBytes: valueStart };
    const valueEnd = buffer.indexOf(between, valueStart);
    if (valueEnd === -1) return undefined;
    if (fields.has(name)) throw new MalformedForm(`the field "${name}" is given twice`);
    fields.set(name, buffer.subarray(valueStart, valueEnd));
    position = valueEnd + between.length;
  }
}

/**
 * Reads a form's head from the request, no further than `limit` bytes; the request is left paused
 * right after, for the rest to be piped on.
 */
export function readFormHead(request: Readable, boundary: string, limit: number): Promise<FormHead> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const settle = (outcome: () => void) => {
      request.pause();
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', reject);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      let head: FormHead | undefined;
      try {
        head = parseFormHead(buffer, boundary);
      } catch (error) {
        return settle(() => reject(error));
      }
      if ((head ? buffer.length - head.rest.length : buffer.length) > limit) {
        settle(() => reject(new MalformedForm(`the form's fields take more than ${limit} bytes`)));
      } else if (head) {
        settle(() => resolve(head));
      }
    };
    const onEnd = () => settle(() => reject(new MalformedForm('the form ends before its file')));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
  });
}

/**
 * The head written anew from the fields as read: S3 (the emulator) then sees exactly the fields
 * that were checked, whatever quirks of quoting or case the original had. Followed by `rest` and
 * the remainder of the original body, which carry on with the file and the closing boundary.
 */
export function serializeFormHead(head: Pick<FormHead, 'boundary' | 'fields'>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of head.fields) {
    parts.push(
      Buffer.from(`--${head.boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      value,
      Buffer.from('\r\n'),
    );
  }
  parts.push(
    Buffer.from(
      `--${head.boundary}\r\nContent-Disposition: form-data; name="file"; filename="file"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
  );
  return Buffer.concat(parts);
}
