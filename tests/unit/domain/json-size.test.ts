import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringBytes } from '../../../shared/domain/json-size.ts';

describe('jsonStringBytes', () => {
  it.each(['', 'a;b\r\n', '"quoted ""twice"""', 'é€😀', '\u0000\u001f\t\b\f\\'])(
    '%j as JSON.stringify sizes it',
    (text) => {
      expect(jsonStringBytes(Buffer.from(text))).toBe(Buffer.byteLength(JSON.stringify(text)));
    },
  );

  it('is the size of JSON.stringify for any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' }), (a, b) => {
        const text = a + b;
        expect(jsonStringBytes(Buffer.from(text))).toBe(Buffer.byteLength(JSON.stringify(text)));
      }),
    );
  });
});
