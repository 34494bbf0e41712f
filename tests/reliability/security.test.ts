/**
 * DESIGN §12: HTML reports escape every data value; CSV exports neutralise formula injection (cells
 * starting with = + - @, tab, CR, LF get a leading ') and are UTF-8 with BOM. Checked end to end:
 * a payments file whose supplier names, towns, labels and file name are generated hostile strings
 * is ingested by the real handler, the report handler builds the French and English reports, and the
 * files it wrote are read back from the reports bucket and parsed.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/render/html-escape.ts';
import { type Harness, ingestOne, publishedReport, putUpload, startHarness } from '../integration/helpers.ts';
import { recordFigure } from './support/fixtures.ts';
import { bucketSnapshot, readObjectText } from './support/snapshots.ts';

const SEED = 20250603;
const FILES = 4;
const LINES_PER_FILE = 30;

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '=cmd|', '+HYPERLINK(', '-1+1', '@SUM(', '=1+2;'];
const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</title><script src=//x>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe srcdoc="<script>">',
  '&lt;b&gt;&amp;',
  '<!--',
  ']]><x>',
  '<style>*{}</style>',
];

/** A hostile value: a formula start, some text, markup, more text (some parts may be empty). */
const hostile = fc
  .tuple(
    fc.constantFrom('', ...FORMULA_STARTS),
    fc.string({ unit: 'grapheme-ascii', maxLength: 10 }),
    fc.constantFrom('', ...MARKUP),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  )
  .map((parts) => parts.join(''))
  .filter((value) => value.trim().length > 2);

/** Keeps a hostile value usable as a key's last segment: no folder separators, no control characters. */
const asFileName = (value: string) =>
  [...value].map((ch) => (ch < ' ' || ch === '/' || ch === '\\' ? '_' : ch)).join('');

/** A cell as the French export quotes it: only when it holds `;`, a quote or a line break. */
const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function hostileFile(names: readonly string[], towns: readonly string[], labels: readonly string[]): string {
  const header = 'N° mandat;Date mandat;Tiers;SIRET;Code postal;Ville;Pays;Nature;Libellé nature;Montant TTC';
  const rows = names.map((name, index) =>
    [
      `2025-${String(index + 1).padStart(5, '0')}`,
      `${String((index % 27) + 1).padStart(2, '0')}/03/2025`,
      name,
      '',
      index % 2 === 0 ? '38000' : '75011',
      towns[index % towns.length] ?? 'Grenoble',
      'France',
      '611',
      labels[index % labels.length] ?? 'Prestations',
      `${1_000 + index * 37},${String(index % 100).padStart(2, '0')}`,
    ]
      .map(cell)
      .join(';'),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r\n]/;
const PLAIN_NEGATIVE_NUMBER = /^-\d+([.,]\d+)?$/;

/** Every cell of a CSV export that a spreadsheet would run as a formula. */
function formulaCells(text: string, delimiter: string): string[] {
  expect(text.startsWith('\uFEFF'), 'CSV exports start with a BOM').toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data
    .flat()
    .filter((value) => FORMULA_START.test(value) && !PLAIN_NEGATIVE_NUMBER.test(value));
}

/** Tags carrying an event handler or a javascript: URL, and script elements, in raw HTML. */
function activeMarkup(html: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return [
    ...tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag) || /javascript:/i.test(tag)),
    ...(html.match(/<script\b/gi) ?? []),
    ...(html.match(/<iframe\b/gi) ?? []),
  ];
}

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('hostile values from an uploaded file, end to end', () => {
  it(`are escaped in report.html and neutralised in every CSV export (${FILES} generated files)`, async () => {
    const files = fc.sample(
      fc.record({
        names: fc.uniqueArray(hostile, {
          minLength: LINES_PER_FILE,
          maxLength: LINES_PER_FILE,
          selector: (name) => name.trim().toLowerCase(),
        }),
        towns: fc.array(hostile, { minLength: 1, maxLength: 3 }),
        labels: fc.array(hostile, { minLength: 1, maxLength: 3 }),
        fileName: hostile.map(asFileName),
      }),
      { seed: SEED, numRuns: FILES },
    );
    let neutralised = 0;
    let escapedNames = 0;
    for (const [index, file] of files.entries()) {
      const key = `uploads/anchor-${index}/${file.fileName}.csv`;
      const location = await putUpload(harness, key, hostileFile(file.names, file.towns, file.labels), {
        anchor: `anchor-${index}`,
      });
      const outcome = await ingestOne(location);
      expect(outcome.dataset.status, outcome.dataset.message).toBe('INGESTED');

      // French (`;`) and English (`,`) exports in turn.
      for (const [language, delimiter] of index % 2 === 0
        ? ([['fr', ';']] as const)
        : ([['en', ',']] as const)) {
        const { prefix, report } = await publishedReport({ kind: 'payments', language });
        const html = await readObjectText(harness.s3, harness.stack.buckets.reports, `${prefix}report.html`);
        if (!html) throw new Error('no report.html');
        expect(activeMarkup(html)).toEqual([]);
        // The hostile names are really on the page, escaped (else this test would prove nothing).
        const shown = report.topSuppliers.filter((supplier) => html.includes(escapeHtml(supplier.name)));
        expect(shown.length).toBeGreaterThan(0);
        escapedNames += shown.length;

        const exports = await bucketSnapshot(harness.s3, harness.stack.buckets.reports, prefix);
        const csvs = Object.entries(exports).filter(([name]) => name.endsWith('.csv'));
        expect(csvs.map(([name]) => name.slice(prefix.length))).toContain('suppliers.csv');
        for (const [name, text] of csvs) {
          expect(formulaCells(text, delimiter), name).toEqual([]);
          neutralised += (text.match(/(^|[;,\n"])'[=+\-@\t\r]/g) ?? []).length;
        }
      }
      const rejects = await readObjectText(
        harness.s3,
        harness.stack.buckets.uploads,
        outcome.dataset.rejectsKey ?? '',
      );
      expect(formulaCells(rejects ?? '\uFEFF', ';')).toEqual([]);
    }
    // Formula-like supplier names reached the exports, and went out neutralised.
    expect(neutralised).toBeGreaterThan(0);
    recordFigure('security', { files: FILES, lines: FILES * LINES_PER_FILE, escapedNames, neutralised });
  });
});

describe('the checks themselves', () => {
  it('catch what they look for', () => {
    expect(activeMarkup('<p>ok</p><img src=x onerror=alert(1)>')).toHaveLength(1);
    expect(activeMarkup('<p title="" onload="x">')).toHaveLength(1);
    expect(activeMarkup('<a href="javascript:alert(1)">')).toHaveLength(1);
    expect(activeMarkup('<SCRIPT>')).toHaveLength(1);
    expect(activeMarkup(`<p>${escapeHtml('<img src=x onerror=alert(1)>')}</p>`)).toEqual([]);
    expect(formulaCells('\uFEFFa;=1+1;-12,50;"\tx";\'=ok\r\n', ';')).toEqual(['=1+1', '\tx']);
  });
});

// Uploads and reports access, tested where the pieces live: the presigned POST's size limit, short
// expiry and pinned key and anchor on the generated policy (the emulator does not enforce policies)
// in tests/integration/api/api-account.test.ts; a form forged into another anchor's folder refused
// in tests/e2e/serve.test.ts; reports public read-only through CloudFront, buckets blocking public
// access, in tests/infra/stacks.test.ts.
