import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCells, MIN_CELLS_TO_SUPERSEDE, type SpendCells } from '../../../shared/domain/spend-cells.ts';

/** Cells of one anchor: supplier × month → cents. */
type Cell = readonly [string, string, number];
const cells = (entries: readonly Cell[]): SpendCells =>
  new Map(entries.map(([supplier, month, cents]) => [`a\u0000${supplier}\u0000${month}`, cents]));

const months = (supplier: string, from: number, count: number, cents = 10_000): Cell[] =>
  Array.from({ length: count }, (_, i) => [supplier, `2025-${String(from + i).padStart(2, '0')}`, cents + i]);

describe('compareCells', () => {
  it.each([
    [
      'a month within its quarter',
      months('x', 1, 5),
      [...months('x', 1, 5), ...months('x', 6, 3)],
      true,
      false,
    ],
    ['the very same cells', months('x', 1, 6), months('x', 1, 6), true, true],
    [
      'one amount off by a cent',
      months('x', 1, 6),
      [...months('x', 1, 5), ['x', '2025-06', 10_006]],
      false,
      false,
    ],
    ['a part in common', months('x', 1, 6), months('x', 4, 6), false, false],
    [
      'too few cells to tell a copy from chance',
      months('x', 1, MIN_CELLS_TO_SUPERSEDE - 1),
      months('x', 1, 9),
      false,
      false,
    ],
  ] as const)('%s', (_case, first, second, firstWithin, secondWithin) => {
    const overlap = compareCells(cells(first), cells(second));
    expect([overlap.firstWithinSecond, overlap.secondWithinFirst]).toEqual([firstWithin, secondWithin]);
  });

  it('ignores cells that net to zero (a payment and its cancellation)', () => {
    const netted = cells([...months('x', 1, 5), ['y', '2025-01', 0]]);
    expect(compareCells(netted, cells(months('x', 1, 5)))).toMatchObject({
      matchingCells: 5,
      firstWithinSecond: true,
      secondWithinFirst: true,
    });
  });

  it('finds the same matches from either side, and a file within itself once it has enough cells', () => {
    const arbitraryCells = fc
      .array(
        fc.tuple(
          fc.constantFrom('x', 'y', 'z'),
          fc.constantFrom('2025-01', '2025-02', '2025-03'),
          fc.integer({ min: -3, max: 3 }),
        ),
      )
      .map((entries) => cells(entries));
    fc.assert(
      fc.property(arbitraryCells, arbitraryCells, (a, b) => {
        const ab = compareCells(a, b);
        const ba = compareCells(b, a);
        expect([ab.matchingCells, ab.matchingCents]).toEqual([ba.matchingCells, ba.matchingCents]);
        expect([ab.firstWithinSecond, ab.secondWithinFirst]).toEqual([
          ba.secondWithinFirst,
          ba.firstWithinSecond,
        ]);
        const nonZero = [...a.values()].filter((cents) => cents !== 0).length;
        expect(compareCells(a, a).firstWithinSecond).toBe(nonZero >= MIN_CELLS_TO_SUPERSEDE);
      }),
    );
  });
});
