import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/domain/report/report-schema.ts';
import { renderCsvExports } from '../../../shared/render/csv-exports.ts';
import {
  FULL_SHA256,
  QUOTED_FILE_NAME,
  reportFixture,
  supplierFixture,
  suppliersFixture,
} from './report-fixture.ts';

/** RFC 4180 reader: quoted fields may hold the delimiter, `""` and line breaks; records end with CRLF. */
function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function file(files: Map<string, string>, name: string): string {
  const content = files.get(name);
  if (content === undefined) throw new Error(`no ${name}`);
  return content;
}

function read(files: Map<string, string>, name: string, delimiter: string): string[][] {
  const content = file(files, name);
  expect(content.startsWith('\uFEFF')).toBe(true);
  return parseCsv(content.slice(1), delimiter);
}

const frFiles = renderCsvExports(reportFixture('fr'), suppliersFixture);
const enFiles = renderCsvExports(reportFixture('en'), suppliersFixture);
const NAMES = [
  'suppliers.csv',
  'by-ring.csv',
  'by-supplier-type.csv',
  'datasets.csv',
  'by-sector.csv',
  'leakage.csv',
  'opportunities.csv',
  'trend.csv',
  'anchors.csv',
];

describe('renderCsvExports', () => {
  it('writes the nine files', () => {
    expect([...frFiles.keys()]).toEqual(NAMES);
    expect([...enFiles.keys()]).toEqual(NAMES);
  });

  it.each([
    ['fr', frFiles],
    ['en', enFiles],
  ] as const)('writes UTF-8 with BOM and CRLF line endings only (%s)', (_lang, files) => {
    for (const name of NAMES) {
      const content = file(files, name);
      expect(content.startsWith('\uFEFF')).toBe(true);
      expect(content.endsWith('\r\n')).toBe(true);
      // Outside quoted cells, every line break is CRLF.
      expect(content.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    }
  });

  it('uses ; and the decimal comma in French', () => {
    const content = file(frFiles, 'suppliers.csv');
    expect(content.split('\r\n')[0]).toBe(
      '\uFEFFClé;Nom;Identifiant;Code postal;Institutions d’ancrage;Montant (EUR);Montant influençable (EUR);' +
        'Lignes;Territoire;Source de localisation;Localisation ambiguë;Territoire du siège;Source de localisation du siège;Type;Source du type',
    );
    const [, first] = read(frFiles, 'suppliers.csv', ';');
    expect(first).toEqual([
      'siren:732829320',
      '<script>alert("x")</script> & Fils',
      '73282932000074',
      '69003',
      'metropole-lyon hcl',
      '380000,12',
      '375000,05',
      '12',
      'metropole',
      'file-commune',
      'non',
      'region',
      'registry',
      'sme',
      'registry',
    ]);
    const ring = read(frFiles, 'by-ring.csv', ';');
    expect(ring[1]).toEqual([
      'metropole',
      'Métropole de Lyon',
      '4210000,00',
      '42,10',
      '42,10',
      '412',
      '35000,00',
    ]);
    const types = read(frFiles, 'by-supplier-type.csv', ';');
    expect(types[5]).toEqual(['cooperative', 'Coopératives', '450000,00', '4,50', '18']);
  });

  it('uses , and the decimal point in English', () => {
    const content = file(enFiles, 'by-ring.csv');
    expect(content.split('\r\n')[0]).toBe(
      '\uFEFFArea,Label,Amount (EUR),Share (%),Cumulative share (%),Suppliers,Amount with an ambiguous location (EUR)',
    );
    const ring = read(enFiles, 'by-ring.csv', ',');
    expect(ring[4]).toEqual(['abroad', 'Abroad', '150000.00', '1.50', '94.00', '12', '0.00']);
    const suppliers = read(enFiles, 'suppliers.csv', ',');
    expect(suppliers[2]?.slice(3, 11)).toEqual([
      '',
      'hcl',
      '120000.00',
      '120000.00',
      '6',
      'abroad',
      'foreign-identifier',
      'no',
    ]);
    expect(suppliers[3]?.[6]).toBe('0.05');
    expect(suppliers[3]?.[10]).toBe('yes');
  });

  it('quotes a cell holding quotes and neutralises formulas', () => {
    const datasets = read(frFiles, 'datasets.csv', ';');
    expect(datasets[1]).toEqual([
      'ds-metropole-2024',
      QUOTED_FILE_NAME,
      'fr-payments-csv',
      'windows-1252',
      '8200',
      '14',
      '6300000,00',
      '2024-01-01',
      '2024-12-31',
      FULL_SHA256,
    ]);
    expect(file(frFiles, 'datasets.csv')).toContain('"mandats ""quotes"" 2024.csv"');
    const suppliers = read(frFiles, 'suppliers.csv', ';');
    expect(suppliers[3]?.[1]).toBe(`'=HYPERLINK("http://evil.example","clic")`);
  });

  it('writes negative amounts with two decimals, kept numeric (a bare negative number is no formula)', () => {
    const files = renderCsvExports(reportFixture('en'), [supplierFixture({ amountCents: -1_205 })]);
    expect(read(files, 'suppliers.csv', ',')[1]?.[5]).toBe('-12.05');
  });

  it('labels rings the report left unlabelled', () => {
    const report: Report = reportFixture('en');
    const files = renderCsvExports(
      { ...report, byRing: report.byRing.map((r) => ({ ...r, label: '' })) },
      suppliersFixture,
    );
    const ring = read(files, 'by-ring.csv', ',');
    expect(ring.map((r) => r[1])).toEqual(['Label', 'metropole', 'region', 'france', 'Abroad', 'Unknown']);
  });

  it.each(['fr', 'en'] as const)(
    'never lets a supplier name start a formula, and reads it back (%s)',
    (lang) => {
      const delimiter = lang === 'fr' ? ';' : ',';
      const report = reportFixture(lang);
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (name) => {
          const files = renderCsvExports(report, [supplierFixture({ name })]);
          const records = read(files, 'suppliers.csv', delimiter);
          expect(records).toHaveLength(2);
          const cell = records[1]?.[1];
          expect(cell).toBeDefined();
          const bareNegativeNumber = /^-\d+([.,]\d+)?$/.test(name);
          if (!bareNegativeNumber) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
          expect(cell).toBe(/^[=+\-@\t\r\n]/.test(name) && !bareNegativeNumber ? `'${name}` : name);
          expect(records[1]).toHaveLength(15);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('writes sectors with their local and non-local amounts', () => {
    const fr = read(frFiles, 'by-sector.csv', ';');
    expect(fr[0]).toEqual([
      'Secteur',
      'Libellé',
      'Montant (EUR)',
      'Part (%)',
      'Montant local (EUR)',
      'Part locale du secteur (%)',
      'Montant non local ou inconnu (EUR)',
      'Fournisseurs',
    ]);
    expect(fr[1]).toEqual([
      '611',
      '611 — Contrats de prestations de services',
      '2400000,00',
      '24,00',
      '1150000,00',
      '47,92',
      '1250000,00',
      '120',
    ]);
    expect(fr).toHaveLength(11);
    const en = read(enFiles, 'by-sector.csv', ',');
    expect(en[10]).toEqual([
      'uncategorised',
      'Uncategorised',
      '250000.00',
      '2.50',
      '60000.00',
      '24.00',
      '190000.00',
      '90',
    ]);
  });

  it('writes the leaking suppliers with their area and main sector', () => {
    const en = read(enFiles, 'leakage.csv', ',');
    expect(en[0]).toEqual([
      'Key',
      'Name',
      'Amount (EUR)',
      'Share (%)',
      'Area',
      'Area label',
      'Main sector',
      'Sector label',
    ]);
    expect(en[1]).toEqual([
      'siren:552120222',
      'Groupe Énergies Nationales SA',
      '820000.00',
      '8.20',
      'france',
      'France',
      '606',
      '606 — Non-stock supplies (energy, supplies)',
    ]);
    expect(en[4]?.[1]).toBe('<img src=x onerror=alert(1)> Mobilier & "Cie"');
    expect(en[8]?.slice(4, 6)).toEqual(['abroad', 'Abroad']);
  });

  it('writes the opportunities with their examples in one cell', () => {
    const fr = read(frFiles, 'opportunities.csv', ';');
    expect(fr[0]).toEqual([
      'Secteur',
      'Libellé',
      'Montant hors territoire (EUR)',
      'Fournisseurs locaux déjà payés',
      'Établissements locaux de la même activité (SIRENE)',
      'Exemples de fournisseurs locaux',
    ]);
    expect(fr[2]).toEqual([
      '611',
      '611 — Contrats de prestations de services',
      '1100000,00',
      '48',
      '',
      'Transports Urbains du Rhône | <script>alert("x")</script> & Fils | Restaurant d’insertion La Passerelle',
    ]);
  });

  it('writes the trend and the anchors compared', () => {
    const trend = read(frFiles, 'trend.csv', ';');
    expect(trend[0]).toEqual([
      'Période',
      'Dépense influençable (EUR)',
      'Montant local (EUR)',
      'Part locale (%)',
    ]);
    expect(trend[1]).toEqual(['2024-01', '620000,00', '239000,00', '38,55']);
    expect(trend).toHaveLength(13);
    const anchors = read(enFiles, 'anchors.csv', ',');
    expect(anchors).toEqual([
      [
        'Id',
        'Anchor',
        'Type',
        'Influenceable spend (EUR)',
        'Local amount (EUR)',
        'Local share (%)',
        'Suppliers',
      ],
      ['metropole-lyon', 'Métropole de Lyon', 'epci', '5800000.00', '2650000.00', '45.69', '640'],
      ['hcl', 'Hospices Civils de Lyon', 'hospital', '4200000.00', '1560000.00', '37.14', '510'],
    ]);
  });

  it('writes the header alone when a table is empty', () => {
    const report = reportFixture('en');
    const files = renderCsvExports(
      { ...report, anchorComparison: [], opportunities: [], trend: { granularity: 'year', points: [] } },
      suppliersFixture,
    );
    for (const name of ['anchors.csv', 'opportunities.csv', 'trend.csv']) {
      expect(read(files, name, ',')).toHaveLength(1);
    }
  });

  it('neutralises formulas in every new file', () => {
    const report = reportFixture('fr');
    const evil = '=HYPERLINK("http://evil.example")';
    const files = renderCsvExports(
      {
        ...report,
        bySector: report.bySector.map((sector) => ({ ...sector, label: `+${sector.label}` })),
        leakage: {
          ...report.leakage,
          topSuppliers: report.leakage.topSuppliers.map((supplier) => ({ ...supplier, name: evil })),
        },
        opportunities: report.opportunities.map((o) => ({ ...o, examples: [evil, 'Plain'] })),
        trend: { ...report.trend, points: report.trend.points.map((p) => ({ ...p, period: '@2024' })) },
        anchorComparison: report.anchorComparison.map((a) => ({ ...a, name: `-${a.name}` })),
      },
      suppliersFixture,
    );
    expect(read(files, 'by-sector.csv', ';')[1]?.[1]).toBe(`'+611 — Contrats de prestations de services`);
    expect(read(files, 'leakage.csv', ';')[1]?.[1]).toBe(`'${evil}`);
    expect(read(files, 'opportunities.csv', ';')[1]?.[5]).toBe(`'${evil} | Plain`);
    expect(read(files, 'trend.csv', ';')[1]?.[0]).toBe(`'@2024`);
    expect(read(files, 'anchors.csv', ';')[1]?.[1]).toBe(`'-Métropole de Lyon`);
  });

  it('reads back tricky names exactly', () => {
    expect(
      read(
        renderCsvExports(reportFixture('fr'), [supplierFixture({ name: '-3' })]),
        'suppliers.csv',
        ';',
      )[1]?.[1],
    ).toBe('-3');
    for (const name of [
      '=1+1',
      '-3+cmd',
      '+x',
      '@SUM(A1)',
      '\tTab',
      '\r\nCRLF',
      '"quoted"',
      'a;b,c',
      'plain',
      '',
    ]) {
      const files = renderCsvExports(reportFixture('fr'), [supplierFixture({ name })]);
      const cell = read(files, 'suppliers.csv', ';')[1]?.[1];
      expect(cell).toBe(/^[=+\-@\t\r\n]/.test(name) ? `'${name}` : name);
    }
  });
});
