import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_FLAG_LABELS } from '../../../shared/domain/line-flags.ts';
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
    expect(datasets[1]?.slice(0, 11)).toEqual([
      'ds-metropole-2024',
      QUOTED_FILE_NAME,
      'Grenoble-Alpes Métropole',
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
      // Names starting the ways a spreadsheet reads as a formula, or as a negative number, then anything.
      const starts = fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '\n', '-12', '-3,5', '-7.25');
      const names = fc.tuple(starts, fc.string({ unit: 'binary' })).map(([start, rest]) => start + rest);
      fc.assert(
        fc.property(names, (name) => {
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
    // Twelve months, then the spend with no readable date: its period written as the id report.json uses.
    expect(trend).toHaveLength(14);
    expect(trend[12]?.[0]).toBe('2024-12');
    expect(trend[13]).toEqual(['undated', '4350,25', '1250,25', '28,74']);
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
      {
        ...report,
        anchorComparison: [],
        opportunities: [],
        trend: { granularity: 'year', method: 'too-short', comparison: null, points: [] },
      },
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

/** The reconciliation columns of datasets.csv, after its first ten (id … SHA-256). */
const RECONCILIATION_FROM = 11;
const FLAGS = [...LINE_FLAG_LABELS.keys()];
const flagColumn = (flag: string): number => RECONCILIATION_FROM + 11 + FLAGS.indexOf(flag);

describe('datasets.csv reconciliation', () => {
  it('names its columns in French and in English, one per line flag the domain knows', () => {
    const fr = read(frFiles, 'datasets.csv', ';')[0] ?? [];
    const en = read(enFiles, 'datasets.csv', ',')[0] ?? [];
    expect(fr.slice(RECONCILIATION_FROM, RECONCILIATION_FROM + 11)).toEqual([
      'Total de contrôle (EUR)',
      'Montant compté (EUR)',
      'Concessions (EUR)',
      'Lignes mises de côté',
      'Montant mis de côté (EUR)',
      'Lignes de total',
      'Montant des lignes de total (EUR)',
      'Lignes rejetées avec un montant lisible',
      'Montant rejeté (EUR)',
      'Total indiqué par le fichier (EUR)',
      'Écart total indiqué − montant compté (EUR)',
    ]);
    expect(en.slice(RECONCILIATION_FROM, RECONCILIATION_FROM + 11)).toEqual([
      'Control total (EUR)',
      'Amount counted (EUR)',
      'Concessions (EUR)',
      'Lines set aside',
      'Amount set aside (EUR)',
      'Total rows',
      'Amount of the total rows (EUR)',
      'Rejected lines with a readable amount',
      'Amount rejected (EUR)',
      'Total stated by the file (EUR)',
      'Stated total minus amount counted (EUR)',
    ]);
    expect(fr).toHaveLength(RECONCILIATION_FROM + 11 + LINE_FLAG_LABELS.size);
    expect(en).toHaveLength(fr.length);
    expect(fr[flagColumn('undated')]).toBe(
      'Compté mais signalé\u00A0: sans date lisible (compté dans la période du fichier) (EUR)',
    );
    expect(en[flagColumn('invalid-identifier')]).toBe(
      'Counted but flagged: invalid identifier (kept as written, supplier known by name) (EUR)',
    );
  });

  it('ties each file out, to the cent, with its stated total and the gap to it', () => {
    const [, metropole, hcl] = read(frFiles, 'datasets.csv', ';');
    expect(metropole?.slice(RECONCILIATION_FROM, RECONCILIATION_FROM + 11)).toEqual([
      '6328269,18',
      '6300000,00',
      '0,00',
      '6',
      '4812,40',
      '1',
      '6301250,00',
      '9',
      '23456,78',
      '6301250,00',
      '1250,00',
    ]);
    expect(metropole?.[flagColumn('invalid-identifier')]).toBe('84210,55');
    expect(metropole?.[flagColumn('undated')]).toBe('3150,25');
    expect(metropole?.[flagColumn('re-decoded')]).toBe('980,10');
    expect(metropole?.[flagColumn('modified')]).toBe('0,00');
    // No total row in the hospital's file: its stated total and the gap are blank, not zero.
    expect(hcl?.slice(RECONCILIATION_FROM + 9, RECONCILIATION_FROM + 11)).toEqual(['', '']);
    expect(hcl?.[flagColumn('undated')]).toBe('1200,00');
    const [, enMetropole] = read(enFiles, 'datasets.csv', ',');
    expect(enMetropole?.slice(RECONCILIATION_FROM, RECONCILIATION_FROM + 2)).toEqual([
      '6328269.18',
      '6300000.00',
    ]);
  });

  it('adds up: control = counted + concessions + set aside + rejected, in every row', () => {
    const cents = (cell: string | undefined): number =>
      Math.round(Number((cell ?? '').replace(',', '.')) * 100);
    for (const row of read(frFiles, 'datasets.csv', ';').slice(1)) {
      const [control, counted, concessions, , setAside, , , , rejected] = row.slice(RECONCILIATION_FROM);
      expect(cents(counted) + cents(concessions) + cents(setAside) + cents(rejected)).toBe(cents(control));
    }
  });

  it('leaves the columns blank for a file read before reconciliations were kept', () => {
    const report = reportFixture('en');
    const files = renderCsvExports(
      { ...report, datasets: report.datasets.map(({ reconciliation: _kept, ...dataset }) => dataset) },
      suppliersFixture,
    );
    const [header, row] = read(files, 'datasets.csv', ',');
    expect(row).toHaveLength(header?.length ?? 0);
    expect(row?.slice(RECONCILIATION_FROM).every((cell) => cell === '')).toBe(true);
  });

  it('neutralises a file name that would start a formula', () => {
    const report = reportFixture('fr');
    const [first, ...rest] = report.datasets;
    if (!first) throw new Error('the fixture has datasets');
    const files = renderCsvExports(
      { ...report, datasets: [{ ...first, file: '=HYPERLINK("http://evil.example")' }, ...rest] },
      suppliersFixture,
    );
    expect(read(files, 'datasets.csv', ';')[1]?.[1]).toBe(`'=HYPERLINK("http://evil.example")`);
  });
});
