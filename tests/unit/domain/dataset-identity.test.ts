import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentOrder, uploadOrder } from '../../../shared/domain/dataset-identity.ts';

const upload = (sequencer: string | undefined, receivedAt: string) => ({
  source: { bucket: 'uploads', key: 'uploads/grenoble/avril.csv', ...(sequencer ? { sequencer } : {}) },
  receivedAt,
});

describe('uploadOrder', () => {
  it.each([
    [
      'a later sequencer of the same width',
      upload('0055AED6DCD90281E5', 'b'),
      upload('0055AED6DCD90281E4', 'a'),
      1,
    ],
    ['a longer sequencer, once padded', upload('10', 'a'), upload('F', 'b'), 1],
    ['an earlier sequencer despite a later receipt', upload('0A', 'z'), upload('0B', 'a'), -1],
    ['the same sequencer', upload('0A', 'a'), upload('0A', 'b'), 0],
    [
      'no sequencer: the later receipt',
      upload(undefined, '2026-04-02T00:00:00.000Z'),
      upload('0A', '2026-04-01T00:00:00.000Z'),
      1,
    ],
  ])('orders %s', (_case, a, b, sign) => {
    expect(Math.sign(uploadOrder(a, b))).toBe(sign);
  });

  it('is antisymmetric on hex sequencers of any width', () => {
    const hex = fc.stringMatching(/^[0-9A-Fa-f]{1,12}$/);
    fc.assert(
      fc.property(hex, hex, (x, y) => {
        const a = upload(x, 'r');
        const b = upload(y, 'r');
        expect(Math.sign(uploadOrder(a, b))).toBe(-Math.sign(uploadOrder(b, a)) || 0);
        expect(Math.sign(uploadOrder(a, b))).toBe(Math.sign(Number.parseInt(x, 16) - Number.parseInt(y, 16)));
      }),
    );
  });
});

describe('contentOrder', () => {
  const copy = (id: string, key: string, uploadedAt: string | undefined, receivedAt: string) => ({
    id,
    source: { bucket: 'uploads', key },
    receivedAt,
    ...(uploadedAt ? { uploadedAt } : {}),
  });
  const T1 = '2026-04-01T08:00:00.000Z';
  const T2 = '2026-04-01T08:00:01.000Z';

  it.each([
    ['the earlier upload, received later', copy('b', 'k/z.csv', T1, T2), copy('a', 'k/a.csv', T2, T1), -1],
    ['uploaded in the same second: the key', copy('b', 'k/a.csv', T1, T2), copy('a', 'k/b.csv', T1, T1), -1],
    [
      'no upload time on one: the time received',
      copy('a', 'k/z.csv', undefined, T1),
      copy('b', 'k/a.csv', T1, T2),
      -1,
    ],
    ['the same key and second: the id', copy('a', 'k/a.csv', T1, T2), copy('b', 'k/a.csv', T1, T2), -1],
  ])('puts first %s', (_case, a, b, sign) => {
    expect(Math.sign(contentOrder(a, b))).toBe(sign);
    expect(Math.sign(contentOrder(b, a))).toBe(-sign);
  });

  it('is a strict total order: whichever copy is looked at from, the same one comes first', () => {
    const arbitraryCopy = fc.record({
      id: fc.stringMatching(/^[a-f0-9]{4}$/),
      source: fc.record({ bucket: fc.constant('uploads'), key: fc.constantFrom('k/a.csv', 'k/b.csv') }),
      receivedAt: fc.constantFrom(T1, T2),
      uploadedAt: fc.constantFrom(T1, T2),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryCopy, { selector: (c) => c.id, minLength: 2, maxLength: 6 }),
        (copies) => {
          const first = [...copies].sort(contentOrder)[0];
          const firstReversed = [...copies].reverse().sort(contentOrder)[0];
          expect(first).toBe(firstReversed);
        },
      ),
    );
  });
});
