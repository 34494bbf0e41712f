import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../../shared/runtime/events/event-shape.ts';

/** A refused event's log line says what it looks like, never what it holds, and stays short. */
describe('shapeOf', () => {
  it.each([
    [null, 'it is null'],
    [undefined, 'it is undefined'],
    ['{"Records":[]}', 'it is string'],
    [42, 'it is number'],
    [[1, 2, 3], 'it is an array of 3'],
    [{}, 'it is an empty object'],
    [{ Records: [], secret: 'p4ssw0rd' }, 'its fields are "Records", "secret"'],
    [
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i])),
      'its fields are "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", and 2 more',
    ],
  ])('describes %j as %s', (event, expected) => {
    expect(shapeOf(event)).toBe(expected);
  });

  it('never says more than a few hundred characters, nor any value, whatever the event', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (event) => {
        const shape = shapeOf(event);
        expect(shape.length).toBeLessThanOrEqual(8 * 44 + 40);
        if (typeof event === 'string' && event.length > 3) expect(shape).not.toContain(event);
      }),
    );
  });

  it('cuts a long field name', () => {
    expect(shapeOf({ ['x'.repeat(1000)]: 1 })).toBe(`its fields are "${'x'.repeat(40)}"`);
  });
});
