import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../shared/domain/dataset.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { isMatched, supplierSpendOf } from '../../../shared/use-cases/portal-supplier-spend.ts';

const dataset = (id: string, kind: 'payments' | 'contracts') =>
  ({ id, kind, anchorId: 'a' }) as unknown as DatasetRecord;

const rollup = (key: string, amountCents: number, lines: number, segment?: 'concession'): SupplierRollup => ({
  anchorId: 'a',
  supplier: { key, name: key.toUpperCase() },
  ...(segment ? { segment } : {}),
  amountCents,
  lines,
  firstDate: '2025-01-01',
  lastDate: '2025-01-31',
  byMonthCategory: [],
  largestLineCents: amountCents,
  categoryLabels: [],
});

const arbitraryRollup = fc.record({
  key: fc.constantFrom('siret:1', 'siret:2', 'name:x@38000', '__proto__', 'constructor'),
  cents: fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
  lines: fc.integer({ min: 1, max: 1000 }),
  concession: fc.boolean(),
});

describe('supplierSpendOf: spend per supplier from rollups', () => {
  it('sums each kind apart, never adds concessions, and keeps every line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('payments', 'contracts'), fc.array(arbitraryRollup)), {
          maxLength: 5,
        }),
        (sources) => {
          const input = sources.map(([kind, rollups], index) => ({
            dataset: dataset(String(index), kind as 'payments' | 'contracts'),
            rollups: rollups.map((r) =>
              rollup(r.key, r.cents, r.lines, r.concession ? 'concession' : undefined),
            ),
          }));
          const totals = supplierSpendOf(input);
          for (const kind of ['payments', 'contracts'] as const) {
            const expected = input
              .filter((source) => source.dataset.kind === kind)
              .flatMap((source) => source.rollups)
              .filter((r) => r.segment !== 'concession')
              .reduce((sum, r) => sum + r.amountCents, 0);
            const got = [...totals.values()].reduce((sum, total) => sum + (total.byKind[kind] ?? 0), 0);
            expect(got).toBe(expected);
          }
          const lines = input.flatMap((source) => source.rollups).reduce((sum, r) => sum + r.lines, 0);
          expect([...totals.values()].reduce((sum, total) => sum + total.lines, 0)).toBe(lines);
          for (const total of totals.values()) {
            expect(total.amountCents).toBe(total.byKind.payments ?? total.byKind.contracts ?? 0);
          }
        },
      ),
    );
  });
});

describe('supplierSpendOf: amounts carry their own currency', () => {
  const inCurrency = (id: string, currency: 'EUR' | 'GBP') =>
    ({ id, kind: 'payments', anchorId: 'a', currency }) as unknown as DatasetRecord;

  it('states the currency of the amounts, £ for a supplier paid in pounds', () => {
    const [total] = supplierSpendOf([
      { dataset: inCurrency('uk', 'GBP'), rollups: [rollup('vat:1', 12_345, 2)] },
    ]).values();
    expect(total).toMatchObject({ amountCents: 12_345, currency: 'GBP', otherCurrencies: [] });
  });

  it('never adds two currencies: the one of most lines gives the amounts, the other is listed apart', () => {
    const [total] = supplierSpendOf([
      { dataset: inCurrency('fr-1', 'EUR'), rollups: [rollup('siret:1', 10_000, 5)] },
      { dataset: inCurrency('uk', 'GBP'), rollups: [rollup('siret:1', 99_900, 1)] },
      { dataset: inCurrency('fr-2', 'EUR'), rollups: [rollup('siret:1', 500, 1)] },
    ]).values();
    expect(total).toMatchObject({
      amountCents: 10_500,
      currency: 'EUR',
      byKind: { payments: 10_500 },
      otherCurrencies: [{ currency: 'GBP', byKind: { payments: 99_900 } }],
      lines: 7,
    });
  });
});

describe('isMatched: described by a registry or a directory', () => {
  const fact = (source: 'registry' | 'directory' | 'override' | 'file' | 'name') => ({
    value: 'x',
    source,
    asOf: '2025-01-01',
  });

  it.each([
    ['no profile', undefined, false],
    ['an override only', { key: 'k', supplierType: fact('override') }, false],
    ['a name heuristic only', { key: 'k', supplierType: fact('name') }, false],
    ['a registry fact', { key: 'k', legalCategory: fact('registry') }, true],
    ['a directory fact', { key: 'k', name: fact('directory') }, true],
  ])('%s → %s', (_label, profile, expected) => {
    expect(isMatched(profile)).toBe(expected);
  });
});
