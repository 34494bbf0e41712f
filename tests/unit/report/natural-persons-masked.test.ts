import { describe, expect, it } from 'vitest';
import { loadFrenchGeography } from '../../../shared/adapters/geography-files.ts';
import { DEFAULT_EXCLUSION_RULES } from '../../../shared/domain/influenceable.ts';
import type { SupplierRollup } from '../../../shared/domain/ingest/supplier-rollup-record.ts';
import { buildReport } from '../../../shared/domain/report/build-report.ts';
import { maskNaturalPersons, naturalPersonKeys } from '../../../shared/domain/report/mask-natural-persons.ts';
import { ReportSchema } from '../../../shared/domain/report/report-schema.ts';
import type { SupplierProfile } from '../../../shared/domain/supplier-profile.ts';
import { BUNDLED_TERRITORIES } from '../../../shared/domain/territory/bundled-territories.ts';
import { renderCsvExports } from '../../../shared/render/csv-exports.ts';
import { renderReportHtml } from '../../../shared/render/report-html.ts';
import { renderReportIndex } from '../../../shared/render/report-index.ts';
import { countedDataset } from './counted-dataset.ts';

const territory = BUNDLED_TERRITORIES.get('grenoble-alpes-metropole');
if (!territory) throw new Error('the Grenoble territory is bundled');

// SYNTHETIC: two companies, a payee with a civil title and an entrepreneur individuel (SIRENE 1000).
const payees = [
  { key: 'name:menuiserie alpine@38000', name: 'MENUISERIE ALPINE SARL', postcode: '38000', cents: 60_000 },
  { key: 'name:m jean dupuis@38100', name: 'M. Jean DUPUIS', postcode: '38100', cents: 15_000 },
  { key: 'name:lavergne claire@38400', name: 'LAVERGNE Claire', postcode: '38400', cents: 25_000 },
  { key: 'name:voiron@38500', name: 'VOIRON SA', postcode: '38500', cents: 40_000 },
];
const PERSON_WORDS = ['dupuis', 'lavergne', '38100', '38400'];

const rollups: SupplierRollup[] = payees.map((payee) => ({
  anchorId: 'anchor-x',
  supplier: { key: payee.key, name: payee.name, postcode: payee.postcode },
  amountCents: payee.cents,
  lines: 1,
  firstDate: '2025-01-10',
  lastDate: '2025-01-10',
  byMonthCategory: [['2025-01', '611', payee.cents]],
  largestLineCents: payee.cents,
  categoryLabels: [],
}));

const profiles = new Map<string, SupplierProfile>([
  [
    'name:lavergne claire@38400',
    {
      key: 'name:lavergne claire@38400',
      legalCategory: { value: '1000', source: 'registry', asOf: '2026-01-01' },
    },
  ],
]);

const datasetId = 'a'.repeat(24);
const dataset = countedDataset(datasetId, {
  fileName: 'paiements-2025.csv',
  lines: 4,
  amountCents: 140_000,
  suppliers: 4,
  periodFrom: '2025-01-10',
  periodTo: '2025-01-10',
});

const built = buildReport({
  territory,
  kind: 'payments',
  language: 'fr',
  scope: { type: 'consortium' },
  datasets: [dataset],
  rollupsByDataset: new Map([[datasetId, rollups]]),
  profiles,
  geography: loadFrenchGeography(),
  exclusionRules: DEFAULT_EXCLUSION_RULES,
  generatedAt: new Date('2026-11-28T12:00:00Z'),
});
const persons = naturalPersonKeys({ suppliers: built.suppliers, rollups, profiles });
const masked = maskNaturalPersons(built, persons);

describe('natural persons in a published report', () => {
  it('finds the titled payee and the entrepreneur individuel, not the companies', () => {
    expect([...persons].sort()).toEqual(['name:lavergne claire@38400', 'name:m jean dupuis@38100']);
  });

  it('names them nowhere: report.json, report.html, every CSV, index.html', async () => {
    const report = ReportSchema.parse(masked.report);
    const files = new Map<string, string>([
      ['report.json', JSON.stringify(report)],
      ['report.html', await renderReportHtml(report)],
      ...renderCsvExports(report, masked.suppliers),
      [
        'index.html',
        renderReportIndex(
          [
            {
              prefix: 'grenoble-alpes-metropole/consortium/payments/fr/',
              territory: report.territory.name,
              scope: 'consortium',
              kind: report.kind,
              language: report.language,
              period: report.period,
              generatedAt: report.generatedAt,
              localShare: report.headline.localShare,
            },
          ],
          'fr',
        ),
      ],
    ]);
    for (const [file, body] of files) {
      for (const word of PERSON_WORDS) expect(body.toLowerCase(), `${word} in ${file}`).not.toContain(word);
    }
    // The unmasked report did name them: the test looks where names are.
    expect(JSON.stringify(built.report).toLowerCase()).toContain('dupuis');
  });

  it('keeps every euro: totals as built, hand-computed, and one line "Personnes physiques (2)"', () => {
    // 600 + 150 + 250 + 400 = 1 400,00 €, of which the two persons 150 + 250 = 400,00 €.
    expect(masked.report.totals).toEqual(built.report.totals);
    expect(masked.report.totals.gross).toBe(1_400);
    expect(masked.report.totals.suppliers).toBe(4);
    for (const field of [
      'byRing',
      'bySupplierType',
      'bySector',
      'headline',
      'concentration',
      'trend',
    ] as const) {
      expect(masked.report[field]).toEqual(built.report[field]);
    }
    const line = masked.report.topSuppliers.find((s) => s.key === 'natural-persons');
    expect(line).toMatchObject({ name: 'Personnes physiques (2)', amount: 400, lines: 2 });
    expect(masked.report.topSuppliers.map((s) => s.amount)).toEqual([600, 400, 400]);
    const suppliersCents = masked.suppliers.reduce((cents, s) => cents + s.amountCents, 0);
    expect(suppliersCents).toBe(140_000);
    expect(masked.suppliers.filter((s) => s.key.startsWith('natural-persons'))).not.toHaveLength(0);
  });
});
