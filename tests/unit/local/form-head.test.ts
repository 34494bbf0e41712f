import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundaryOf,
  MalformedForm,
  parseFormHead,
  readFormHead,
  serializeFormHead,
} from '../../../shared/local/form-head.ts';

const BOUNDARY = '----formdata-undici-0123456789';

function part(name: string, value: string, extra = ''): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
}

const FILE_HEADERS = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`;
const FORM = `${part('key', 'uploads/a/x.csv')}${part('X-Amz-Meta-Anchor', 'a')}${FILE_HEADERS}a;b\r\n1;2\r\n--${BOUNDARY}--\r\n`;

const texts = (fields: ReadonlyMap<string, Buffer>) =>
  Object.fromEntries([...fields].map(([name, value]) => [name, value.toString('utf8')]));

describe('boundaryOf', () => {
  it.each([
    [`multipart/form-data; boundary=${BOUNDARY}`, BOUNDARY],
    ['multipart/form-data; charset=utf-8; boundary="a b"', 'a b'],
    ['Multipart/Form-Data;boundary=x', 'x'],
  ])('%s → %s', (type, boundary) => {
    expect(boundaryOf(type)).toBe(boundary);
  });

  it.each([
    undefined,
    'application/json',
    'multipart/form-data',
    'multipart/mixed; boundary=x',
    `multipart/form-data; boundary=${'x'.repeat(71)}`,
  ])('%s has none', (type) => {
    expect(boundaryOf(type)).toBeUndefined();
  });
});

describe('parseFormHead: the fields before the file, and nothing past its headers', () => {
  it('reads the fields, names lower-cased, and keeps what follows the file headers as it came', () => {
    const head = parseFormHead(Buffer.from(FORM), BOUNDARY);
    expect(texts(head?.fields ?? new Map())).toEqual({ key: 'uploads/a/x.csv', 'x-amz-meta-anchor': 'a' });
    expect(head?.rest.toString('utf8')).toBe(`a;b\r\n1;2\r\n--${BOUNDARY}--\r\n`);
  });

  it('needs more bytes until the file part’s headers are in, wherever the body is cut', () => {
    const whole = Buffer.from(FORM);
    const headEnd = FORM.indexOf('a;b');
    for (let cut = 0; cut < headEnd; cut++) {
      expect(parseFormHead(whole.subarray(0, cut), BOUNDARY), `cut at ${cut}`).toBeUndefined();
    }
    expect(parseFormHead(whole.subarray(0, headEnd), BOUNDARY)?.rest.length).toBe(0);
  });

  it.each([
    ['another boundary first', `--other\r\n${FORM}`],
    ['no file', `${part('key', 'k')}--${BOUNDARY}--\r\n`],
    ['a field twice', `${part('key', 'uploads/a/x')}${part('Key', 'uploads/b/x')}${FILE_HEADERS}x`],
    ['a name with a quote', `${part('ke\\"y', 'k')}${FILE_HEADERS}x`],
    [
      'a part that is no form-data',
      `--${BOUNDARY}\r\nContent-Disposition: attachment; name="key"\r\n\r\nk\r\n${FILE_HEADERS}x`,
    ],
    [
      'a folded header',
      `--${BOUNDARY}\r\nContent-Disposition: form-data;\r\n name="key"\r\n\r\nk\r\n${FILE_HEADERS}x`,
    ],
  ])('refuses %s', (_, body) => {
    expect(() => parseFormHead(Buffer.from(body), BOUNDARY)).toThrow(MalformedForm);
  });

  it('does not take `filename` for `name`', () => {
    const body = `--${BOUNDARY}\r\nContent-Disposition: form-data; filename="file"; name="key"\r\n\r\nk\r\n${FILE_HEADERS}x`;
    expect(texts(parseFormHead(Buffer.from(body), BOUNDARY)?.fields ?? new Map())).toEqual({ key: 'k' });
  });
});

describe('serializeFormHead: the checked fields are exactly what goes on', () => {
  it('round-trips any field values', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z0-9_.-]{1,20}$/), fc.string(), { maxKeys: 6 }),
        fc.uint8Array({ maxLength: 50 }),
        (fields, file) => {
          fc.pre(!Object.hasOwn(fields, 'file'));
          const entries = Object.entries(fields).filter(([, value]) => !value.includes(`\r\n--${BOUNDARY}`));
          const head = {
            boundary: BOUNDARY,
            fields: new Map(entries.map(([name, value]) => [name, Buffer.from(value)])),
            rest: Buffer.from(file),
          };
          const serialized = serializeFormHead(head);
          const again = parseFormHead(Buffer.concat([serialized, head.rest]), BOUNDARY);
          expect(texts(again?.fields ?? new Map())).toEqual(Object.fromEntries(entries));
          expect(again?.rest.equals(head.rest)).toBe(true);
          expect(again?.headBytes).toBe(serialized.length);
        },
      ),
    );
  });
});

describe('readFormHead', () => {
  it('reads the head from a stream cut anywhere, and leaves the rest unread', async () => {
    const chunks = FORM.match(/[\s\S]{1,7}/g)?.map((chunk) => Buffer.from(chunk)) ?? [];
    const stream = Readable.from(chunks, { objectMode: false });
    const head = await readFormHead(stream, BOUNDARY, 1024);
    const remaining: Buffer[] = [];
    for await (const chunk of stream) remaining.push(chunk as Buffer);
    expect(Buffer.concat([head.rest, ...remaining]).toString('utf8')).toBe(FORM.slice(FORM.indexOf('a;b')));
  });

  it('gives up past its limit and on a body that ends early', async () => {
    const long = `${part('policy', 'p'.repeat(5000))}${FILE_HEADERS}x`;
    await expect(readFormHead(Readable.from([Buffer.from(long)]), BOUNDARY, 1024)).rejects.toThrow(
      MalformedForm,
    );
    await expect(
      readFormHead(Readable.from([Buffer.from(part('key', 'k'))]), BOUNDARY, 1024),
    ).rejects.toThrow(MalformedForm);
  });
});
