import { describe, expect, it } from 'vitest';
import type { ClassifiedSupplier } from '../../../shared/domain/report/classified-supplier.ts';
import type { MergedSupplier } from '../../../shared/domain/report/merge-rollups.ts';
import { sectorMetrics } from '../../../shared/domain/report/sector-metrics.ts';

const supplier = (key: string, ring: string, ambiguous: boolean, cents: number): ClassifiedSupplier => ({
  key,
  name: key,
  identifier: undefined,
  postcode: undefined,
  anchorIds: ['ville'],
  amountCents: cents,
  influenceableCents: cents,
  lines: 1,
  ring,
  ringSource: 'postcode-departement',
  ambiguous,
  headOfficeRing: 'unknown',
  headOfficeSource: 'none',
  type: 'unknown',
  typeSource: 'none',
  typeDetail: undefined,
  matched: false,
});

const merged = (key: string, cents: number): MergedSupplier => ({
  key,
  identity: { key, name: key },
  amountCents: cents,
  lines: 1,
  largestLineCents: cents,
  anchorIds: new Set(['ville']),
  excludedByRule: new Map(),
  bySector: new Map([['45', cents]]),
  byMonth: new Map(),
  byAnchor: new Map(),
  sectorLabels: new Map(),
});

describe('leakage', () => {
  it('leaves out a supplier whose place is ambiguous (38044 with no usable commune name): it may be local', () => {
    const suppliers = [
      supplier('Services Postaux Grenoble Cedex', 'departement', true, 57_428_300),
      supplier('Voiron SA', 'departement', false, 1_000_000),
    ];
    const result = sectorMetrics({
      suppliers,
      merged: new Map(suppliers.map((s) => [s.key, merged(s.key, s.influenceableCents)])),
      local: new Set(['commune', 'metropole']),
      scheme: 'cpv-division',
      language: 'fr',
      influenceableCents: 58_428_300,
      activityOf: () => undefined,
      localEstablishments: undefined,
    });
    expect(result.leakage.nonLocalAmount).toBe(10_000);
    expect(result.leakage.topSuppliers.map((leak) => leak.key)).toEqual(['Voiron SA']);
  });
});
