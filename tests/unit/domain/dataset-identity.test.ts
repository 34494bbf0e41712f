import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uploadOrder } from '../../../shared/domain/dataset-identity.ts';

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
