import { describe, expect, it } from 'vitest';
import { listedAnchors } from '../../../shared/domain/dataset-anchors.ts';
import { decpContractLines } from '../../../shared/domain/decp/decp-lines.ts';
import { readDecpContract } from '../../../shared/domain/decp/read-decp-contract.ts';
import { boundRollup } from '../../../shared/domain/ingest/rollup-bound.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { estimateBytes, MAX_ITEM_ESTIMATE, utf8Bytes } from '../../../shared/domain/item-size.ts';
import { parseAmountToCents } from '../../../shared/domain/money.ts';
import { MAX_FIELD_LENGTH } from '../../../shared/domain/row-text.ts';
import { SIRET } from '../../fixtures/built/synthetic-ids.ts';

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a€😀é', 10],
  ])('%s is %i bytes, as Buffer counts it', (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

describe('a DECP contract with over-long texts', () => {
  const contract = (fields: Record<string, unknown>) => ({
    id: 'C-1',
    acheteur: { id: '21380185500015', nom: 'SYNTHETIC Commune' },
    objet: 'SYNTHETIC travaux',
    codeCPV: '45000000',
    dateNotification: '2024-02-15',
    montant: '1000',
    titulaires: [
      { titulaire: { typeIdentifiant: 'SIRET', id: SIRET.a, denominationSociale: 'SYNTHETIC SARL' } },
    ],
    modifications: [],
    ...fields,
  });
  const linesOf = (value: unknown) => {
    const read = readDecpContract(value, 'v2', 'marche', 1);
    if (!read.ok) throw new Error(read.reason);
    const lines = decpContractLines(read.value, 1, { split: 'equal', defaultAnchorId: 'anchor-1' });
    if (!lines.ok) throw new Error(lines.reason);
    return lines.value;
  };
  const long = 'x'.repeat(500_000);
  type Line = ReturnType<typeof linesOf>[number];
  const cases: [string, Record<string, unknown>, (line: Line) => string | undefined][] = [
    ['objet', { objet: long }, (line) => line.description],
    ['buyer name', { acheteur: { id: '21380185500015', nom: long } }, (line) => line.anchorName],
    ['buyer id', { acheteur: { id: long } }, (line) => line.anchorId],
    ['contract id', { id: long }, (line) => line.contractUid?.slice('21380185500015/'.length)],
    [
      'titulaire name',
      { titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: SIRET.a, denominationSociale: long } }] },
      (line) => line.supplier.name,
    ],
    [
      'titulaire id',
      {
        titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: long, denominationSociale: 'SYNTHETIC' } }],
      },
      (line) => line.supplier.invalidIdentifier,
    ],
  ];

  it.each(cases)(
    'a 500 KB %s is cut at the field limit, the contract counted and flagged',
    (_field, fields, value) => {
      const [line, ...others] = linesOf(contract(fields));
      expect(others).toEqual([]);
      expect(line?.amountCents).toBe(100_000);
      expect(line?.flags).toContain('value-truncated');
      expect(line ? value(line) : undefined).toHaveLength(MAX_FIELD_LENGTH);
    },
  );

  it('a contract within the limit is not flagged', () => {
    expect(linesOf(contract({ objet: 'o'.repeat(MAX_FIELD_LENGTH) }))[0]?.flags).not.toContain(
      'value-truncated',
    );
  });

  it('an unreadable amount of 500 KB is rejected with a reason that quotes 60 characters of it', () => {
    const read = readDecpContract(contract({ montant: `1${'x'.repeat(500_000)}` }), 'v2', 'marche', 1);
    if (!read.ok) throw new Error(read.reason);
    const lines = decpContractLines(read.value, 1, { split: 'equal', defaultAnchorId: 'anchor-1' });
    expect(lines.ok).toBe(false);
    if (!lines.ok) expect(lines.reason.length).toBeLessThan(100);
    expect(parseAmountToCents('1 000 000 000 000 000 000 000 000')).toEqual({
      ok: false,
      reason: 'amount "1 000 000 000 000 000 000 000 000" is too large',
    });
  });
});

describe('boundRollup', () => {
  const rollup = (categories: number, categoryLength: number, labelLength: number): SupplierRollup => {
    const byMonthCategory: [string, string, number][] = [];
    const categoryLabels: [string, string][] = [];
    for (let index = 0; index < categories; index++) {
      const category = `${String(index).padStart(5, '0')}${'c'.repeat(categoryLength)}`;
      byMonthCategory.push([`2025-${String((index % 12) + 1).padStart(2, '0')}`, category, index + 1]);
      if (labelLength > 0) categoryLabels.push([category, 'l'.repeat(labelLength)]);
    }
    byMonthCategory.push(['2025-01', '', -7]);
    return {
      anchorId: 'anchor-1',
      supplier: { key: 'name:fournisseur', name: 'Fournisseur' },
      amountCents: byMonthCategory.reduce((total, [, , cents]) => total + cents, 0),
      lines: categories + 1,
      byMonthCategory,
      largestLineCents: categories,
      categoryLabels,
    };
  };
  const centsByMonth = (value: SupplierRollup) => {
    const months = new Map<string, number>();
    for (const [month, , cents] of value.byMonthCategory) months.set(month, (months.get(month) ?? 0) + cents);
    return months;
  };

  it('returns a rollup that fits as it is, the same object', () => {
    const small = rollup(100, 4, 40);
    expect(boundRollup(small)).toBe(small);
  });

  it.each([
    ['3 000 long categories without labels', 3_000, 300, 0],
    ['3 000 short categories with long labels', 3_000, 4, 400],
    [
      '2 000 categories of the field limit with labels of the limit',
      2_000,
      MAX_FIELD_LENGTH,
      MAX_FIELD_LENGTH,
    ],
  ])(
    '%s: fits under the estimate, every cent kept month by month, the largest kept',
    (_label, count, length, labels) => {
      const big = rollup(count, length, labels);
      expect(estimateBytes(big)).toBeGreaterThan(MAX_ITEM_ESTIMATE);
      const bounded = boundRollup(big);
      expect(estimateBytes(bounded)).toBeLessThanOrEqual(MAX_ITEM_ESTIMATE);
      expect(centsByMonth(bounded)).toEqual(centsByMonth(big));
      const kept = new Set(bounded.byMonthCategory.map(([, category]) => category));
      const largest = big.byMonthCategory.at(-2)?.[1] ?? '';
      expect(kept.has(largest)).toBe(true);
      for (const [category] of bounded.categoryLabels) expect(kept.has(category)).toBe(true);
      if (bounded.foldedCategories !== undefined) {
        expect(bounded.foldedCategories).toBe(count + 1 - kept.size);
        // Folded cents join the month's uncategorised bucket: one per month at most.
        const uncategorised = bounded.byMonthCategory.filter(([, category]) => category === '');
        expect(new Set(uncategorised.map(([month]) => month)).size).toBe(uncategorised.length);
      }
    },
  );
});

describe('listedAnchors', () => {
  it('lists every anchor of a file naming a few', () => {
    const anchors = [{ id: 'a', name: 'A' }, { id: 'b' }];
    expect(listedAnchors(anchors, 'b')).toEqual([{ id: 'b' }, { id: 'a', name: 'A' }]);
  });

  it('keeps the uploader’s own anchor first, and others while they fit in 64 KB', () => {
    const anchors = Array.from({ length: 5_000 }, (_, index) => ({
      id: String(index).padStart(14, '0'),
      name: `Commune ${index} ${'é'.repeat(100)}`,
    }));
    const listed = listedAnchors(anchors, anchors[4_000]?.id ?? '');
    expect(listed[0]).toEqual(anchors[4_000]);
    expect(listed[1]).toEqual(anchors[0]);
    expect(listed.length).toBeGreaterThan(100);
    expect(estimateBytes(listed)).toBeLessThan(64_000 + 5_000);
  });
});
