import fc from 'fast-check';
import { expect, it } from 'vitest';
import { bestAssignment } from '../../../shared/domain/formats/inference/best-assignment.ts';

function brute(w: number[][]): number {
  const cols = w[0]?.length ?? 0;
  let best = 0;
  const go = (r: number, used: Set<number>, sum: number) => {
    if (r === w.length) {
      best = Math.max(best, sum);
      return;
    }
    go(r + 1, used, sum);
    for (let c = 0; c < cols; c++)
      if (!used.has(c)) {
        used.add(c);
        go(r + 1, used, sum + (w[r]?.[c] ?? 0));
        used.delete(c);
      }
  };
  go(0, new Set(), 0);
  return best;
}
it('is optimal', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 30, maxLength: 30 }),
      (r, c, vals) => {
        const w = Array.from({ length: r }, (_, i) =>
          Array.from({ length: c }, (_, j) => vals[(i * c + j) % 30] ?? 0),
        );
        const a = bestAssignment(w);
        const cols = a.filter((x) => x >= 0);
        expect(new Set(cols).size).toBe(cols.length);
        const sum = a.reduce((s, c2, i) => s + (c2 >= 0 ? (w[i]?.[c2] ?? 0) : 0), 0);
        expect(sum).toBe(brute(w));
      },
    ),
    { numRuns: 500 },
  );
});
