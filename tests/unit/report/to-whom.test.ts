import { describe, expect, it } from 'vitest';
import { smallBusinessesOf, socialEconomyOf } from '../../../shared/domain/report/to-whom.ts';
import { supplierFixture } from '../render/report-fixture.ts';

/** One supplier per type, influenceable spend in cents: 1 000,00 € in all. */
const SPEND: [string, number][] = [
  ['cooperative', 10_000],
  ['association', 5_000],
  ['mutual', 2_500],
  ['sme', 20_000],
  ['sole-trader', 3_000],
  ['large', 30_000],
  ['company', 15_000],
  ['unknown', 14_500],
];
const TOTAL = 100_000;
const suppliers = SPEND.map(([type, cents]) =>
  supplierFixture({ key: `name:${type}`, type, amountCents: cents, influenceableCents: cents }),
);

describe('to whom: the figures a CWB reader leads with', () => {
  it('adds up the social economy in one total (cooperatives, associations, mutuals…)', () => {
    // 100 + 50 + 25 = 175,00 € of 1 000,00 €, three suppliers.
    expect(socialEconomyOf(suppliers, TOTAL)).toEqual({
      amount: 175,
      share: 0.175,
      suppliers: 3,
      types: ['cooperative', 'association', 'mutual', 'foundation', 'other-ess'],
    });
  });

  it('gives the SME share (SMEs and sole traders) with the spend of unknown size beside it', () => {
    // Small: 200 + 30 = 230,00 €; size unknown: a company of unknown size 150 € + unknown type 145 €.
    expect(smallBusinessesOf(suppliers, TOTAL)).toEqual({
      amount: 230,
      share: 0.23,
      sizeUnknownAmount: 295,
      sizeUnknownShare: 0.295,
      types: ['sme', 'sole-trader'],
    });
  });

  it('gives no SME share when no business’s size is known, rather than 0 %', () => {
    const unsized = suppliers.filter((supplier) =>
      ['association', 'company', 'unknown'].includes(supplier.type),
    );
    expect(smallBusinessesOf(unsized, 34_500)).toMatchObject({
      amount: 0,
      share: null,
      sizeUnknownAmount: 295,
    });
  });
});
