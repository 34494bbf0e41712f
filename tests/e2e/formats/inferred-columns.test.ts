/**
 * Real public spend files whose column names are not in the UK alias list
 * (`shared/domain/formats/uk-spend-csv.ts`), each analysed WITHOUT a mapping profile: their supplier,
 * amount and date columns have to be recognised from the header words and the cells. Provenance and
 * quirks in tests/fixtures/real/README.md. Before columns were inferred, ingest rejected each of these
 * files for its header (a required column missing, or no header row found); the Sheffield file is a
 * control that the alias list reads, and must still read the same way.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/run-cli.ts';
import { analyzeFiles, workDir } from './support.ts';

const real = (name: string) => join(repoRoot, 'tests/fixtures/real', name);

interface RealFile {
  readonly file: string;
  /** The header columns an inference should read as supplier, amount and payment date. */
  readonly columns: { readonly supplier: string; readonly amount: string; readonly date?: string };
  /** Lines of spend after the header (blank lines apart), and the sum of their amounts in pence. */
  readonly lines: number;
  readonly cents: number;
}

// Expected lines and pence computed from each file without Ancrage's code, with Python's csv module
// (the amount column named, `£`, spaces and thousands commas dropped, a leading minus kept; blank
// lines skipped; no amount in any of these files fails to read, so none is expected rejected):
//   S='import csv,re,sys; f,h,c=sys.argv[1],int(sys.argv[2]),sys.argv[3]; r=list(csv.reader(open(f,encoding="utf-8",newline=""))); i=r[h-1].index(c); d=[x for x in r[h:] if any(s.strip() for s in x)]; m=[re.fullmatch(r"(-?)(\d+)(?:\.(\d{1,2}))?",x[i].replace("£","").replace(",","").strip()) for x in d]; print(len(d), sum((-1 if g[1] else 1)*(int(g[2])*100+int((g[3] or "0").ljust(2,"0"))) for g in m if g), sum(1 for g in m if not g))'
//   cd tests/fixtures/real && python3 -c "$S" FILE HEADER_LINE 'AMOUNT COLUMN'
// which prints: lines, pence, lines whose amount does not read. HEADER_LINE is 21 for Darlington
// (20 lines of SQL and titles come first), 1 for the others. When a file has net and gross columns
// the net one is the spend (Salford: `Net`, not `Gross` nor `VAT`).
const CONTROL = 'uk-sheffield-2012-10.csv';

const FILES: readonly RealFile[] = [
  {
    // python3 -c "$S" uk-sutton-coldfield-2016-17.csv 1 '£ (net)'  →  139 49233900 0
    file: 'uk-sutton-coldfield-2016-17.csv',
    columns: { supplier: 'Payee', amount: '£ (net)', date: 'Inv Date' },
    lines: 139,
    cents: 49_233_900,
  },
  {
    // python3 -c "$S" uk-lambeth-2011-01.csv 1 'Sum of Invoice Nett Amount'  →  1072 3844761814 0
    file: 'uk-lambeth-2011-01.csv',
    columns: { supplier: 'Supplier Name', amount: 'Sum of Invoice Nett Amount' },
    lines: 1072,
    cents: 3_844_761_814,
  },
  {
    // python3 -c "$S" uk-darlington-2014-01.csv 21 'Invoice Line Value (net of VAT)'  →  1023 446277003 0
    file: 'uk-darlington-2014-01.csv',
    columns: { supplier: 'Supplier', amount: 'Invoice Line Value (net of VAT)' },
    lines: 1023,
    cents: 446_277_003,
  },
  {
    // python3 -c "$S" uk-salford-2019-08.csv 1 Net  →  247 321709480 0   (`Gross` would give 365366199)
    file: 'uk-salford-2019-08.csv',
    columns: { supplier: 'Supplier Name', amount: 'Net', date: 'Date of Payment' },
    lines: 247,
    cents: 321_709_480,
  },
  {
    // python3 -c "$S" uk-gateshead-2013-01.csv 1 Amount  →  3000 1084248670 0
    file: 'uk-gateshead-2013-01.csv',
    columns: { supplier: 'Supplier id(T)', amount: 'Amount' },
    lines: 3000,
    cents: 1_084_248_670,
  },
  {
    // Control, read by the alias list already.
    // python3 -c "$S" uk-sheffield-2012-10.csv 1 'Invoiced Value'  →  3000 3867031748 0
    file: CONTROL,
    columns: { supplier: 'Supplier Name', amount: 'Invoiced Value', date: 'GL Date' },
    lines: 3000,
    cents: 3_867_031_748,
  },
];

describe('real spend files whose headers are not in the alias list, read without a mapping profile', () => {
  it.each(FILES)(
    '$file: read as $columns.supplier / $columns.amount, every line and every penny accounted for',
    async ({ file, columns, lines, cents }) => {
      const copy = join(workDir(), file);
      copyFileSync(real(file), copy);
      // A file ingest rejects makes analyze throw "<file> was rejected: <why>".
      const { datasets } = await analyzeFiles([copy], { territoryId: 'oxford' });
      expect(datasets).toHaveLength(1);
      const [dataset] = datasets;
      expect(dataset?.status).toBe('INGESTED');
      expect(dataset?.currency).toBe('GBP');
      // Each line of spend is counted, set aside (a repeat) or rejected; blank and preamble lines apart.
      expect((dataset?.lines ?? 0) + (dataset?.setAsideLines ?? 0) + (dataset?.rejectedLines ?? 0)).toBe(
        lines,
      );
      // The file's total: every readable amount, counted, set aside or rejected.
      expect(dataset?.reconciliation?.controlCents).toBe(cents);
      const read = (role: string) => dataset?.columnReading?.find((record) => record.role === role);
      if (file === CONTROL) {
        expect([dataset?.format, dataset?.columnReading]).toEqual(['uk-spend-csv', undefined]);
        return;
      }
      expect(dataset?.format).toBe('inferred');
      expect([read('supplierName')?.header, read('amount')?.header, read('date')?.header]).toEqual([
        columns.supplier,
        columns.amount,
        columns.date,
      ]);
    },
    180_000,
  );
});

describe('a close call in a real file', () => {
  it('Salford’s `Net` beside `Gross` and `VAT`: spend is net of VAT, and the dataset says so', async () => {
    const copy = join(workDir(), 'uk-salford-2019-08.csv');
    copyFileSync(real('uk-salford-2019-08.csv'), copy);
    const { datasets } = await analyzeFiles([copy], { territoryId: 'oxford' });
    const amount = datasets[0]?.columnReading?.find((record) => record.role === 'amount');
    expect(amount).toMatchObject({ header: 'Net', settledBy: 'net-of-vat' });
    expect(amount?.alternatives[0]?.header).toBe('Gross');
  }, 180_000);
});
