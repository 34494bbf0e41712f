import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { papaparseRows } from '../../../shared/adapters/papaparse-rows.ts';
import type { FormatProfile } from '../../../shared/domain/formats/format-profile.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { IngestCore, type RawRow } from '../../../shared/domain/ingest/index.ts';
import { cut } from '../../support/cut-text.ts';

/**
 * The fast lane reads most lines of a file from their text, with values memoised by the text of the
 * supplier-side columns; every line must come out exactly as the general way makes it. Generated
 * files mix common lines with every kind of line the general way rejects or reads its own way, cut
 * into chunks anywhere, and are read with the lane and without: lines, rejections, summary and
 * rollups must be equal, key order included.
 */

interface Layout {
  readonly delimiter: string;
  readonly header: readonly string[];
  /** What each column holds, to draw its values from. */
  readonly kinds: readonly Kind[];
  readonly formats?: readonly FormatProfile[];
}

type Kind = keyof typeof VALUES;

const LONG = 'x'.repeat(4_100);

/** Values each kind of column takes: mostly ordinary, sometimes each of the ways a value goes wrong. */
const VALUES = {
  reference: ['2025-0000001', '2025-0000002', '', '  R-3 ', 'réf "4"'],
  date: [
    '10/01/2025',
    '28/02/2024',
    '01/12/2025',
    '31/02/2025',
    '2025-01-10',
    '',
    ' 10/01/2025',
    '1/1/2025',
    'hier',
  ],
  localId: ['T000924', 'T001616', '', 'T 1'],
  name: [
    'Dupont',
    'Transports Müller',
    'ACME; SARL',
    'Le "Bon" Coin',
    '',
    '  Dupont  ',
    'Confidentiel',
    'a\uFFFDb',
    LONG,
  ],
  siret: ['89000923600013', '890 009 236 00013', '12345678901234', 'NC', '', '8,9E+13'],
  postcode: ['38000', '38 000', '', 'ABC', '38042 CEDEX 9'],
  commune: ['Grenoble', 'Saint-Martin-d’Hères', ''],
  country: ['France', 'FR', 'Allemagne', ''],
  nature: ['611', '6064', '', ' 611 '],
  label: ['Contrats de prestations', '', 'Fournitures'],
  description: ['', 'Fournitures', 'a;b', 'ligne\nsuivante', LONG],
  amount: [
    '1 171,58',
    '11578,83',
    '-12,5',
    '0',
    '',
    'abc',
    '8,9E+13',
    ' 12,00',
    '1\u00a0000,00',
    '12,345',
    '€ 12,00',
  ],
  ukAmount: ['1171.58', '-12.5', '1,171.58', '', 'n/a', '£12.00'],
  other: ['', 'x', 'a;b'],
} as const;

const LAYOUTS: readonly Layout[] = [
  {
    // The bench's layout: the supplier-side columns in one span.
    delimiter: ';',
    header: [
      'N° mandat',
      'Date mandat',
      'Code tiers',
      'Tiers',
      'SIRET',
      'Code postal',
      'Ville',
      'Pays',
      'Nature',
      'Libellé nature',
      'Objet du mandat',
      'Montant TTC',
      'Commentaire',
    ],
    kinds: [
      'reference',
      'date',
      'localId',
      'name',
      'siret',
      'postcode',
      'commune',
      'country',
      'nature',
      'label',
      'description',
      'amount',
      'other',
    ],
  },
  {
    // Per-line values between the supplier-side ones, and an unmapped column among them.
    delimiter: ';',
    header: ['Tiers', 'Date', 'SIRET', 'Commentaire', 'Montant', 'Code postal', 'Objet'],
    kinds: ['name', 'date', 'siret', 'other', 'amount', 'postcode', 'description'],
  },
  {
    delimiter: ',',
    header: ['Supplier Name', 'Amount', 'Paid Date', 'Expense Type'],
    kinds: ['name', 'ukAmount', 'date', 'label'],
  },
  {
    // A mapping profile's header whose amount and date names read as values: its repeats must
    // still be recognised as the header.
    delimiter: ';',
    header: ['Nom', '2024', '01/01/2024'],
    kinds: ['name', 'amount', 'date'],
    formats: [
      {
        id: 'profile',
        label: 'profile',
        labelFr: 'profil',
        kind: 'payments',
        currency: 'EUR',
        decimal: ',',
        dateOrder: 'dmy',
        aliases: { supplierName: ['Nom'], amount: ['2024'], date: ['01/01/2024'] },
        required: ['supplierName', 'amount', 'date'],
      },
    ],
  },
];

/** A cell as an export writes it: quoted when it must be, sometimes for no reason. */
const writeCell = (value: string, delimiter: string, quoteAnyway: boolean) =>
  quoteAnyway || value.includes(delimiter) || /["\n]/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;

const row = (layout: Layout) =>
  fc
    .tuple(
      fc.tuple(...layout.kinds.map((kind) => fc.constantFrom(...VALUES[kind]))),
      fc.array(fc.boolean(), { minLength: layout.kinds.length, maxLength: layout.kinds.length }),
      fc.constantFrom(
        'line',
        'line',
        'line',
        'line',
        'blank',
        'header',
        'extra-empty',
        'extra',
        'short',
        'runaway',
      ),
    )
    .map(([values, quoted, shape]) => {
      const { delimiter } = layout;
      if (shape === 'blank') return '';
      if (shape === 'header') return layout.header.join(delimiter);
      const cells = values.map((value, index) => writeCell(value, delimiter, quoted[index] ?? false));
      if (shape === 'extra-empty') cells.push('');
      if (shape === 'extra') cells.push('surplus');
      if (shape === 'short') cells.pop();
      // Over 200 lines in one value: a quote never closed, so the file is rejected whole.
      if (shape === 'runaway') cells[cells.length - 1] = `"${'x\n'.repeat(200)}"`;
      return cells.join(delimiter);
    });

/** A file: maybe a title line, the header, then rows drawn from a few distinct ones (suppliers recur). */
const file = fc.constantFrom(...LAYOUTS).chain((layout) =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(row(layout), { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 120 }),
    )
    .map(([title, distinct, picks]) => ({
      layout,
      text: [
        ...(title ? ['Extraction des mandats'] : []),
        layout.header.join(layout.delimiter),
        ...picks.map((pick) => distinct[pick % distinct.length]),
      ].join('\n'),
    })),
);

async function rowBatches(chunks: readonly string[], delimiter: string): Promise<(readonly RawRow[])[]> {
  const batches: (readonly RawRow[])[] = [];
  for await (const batch of papaparseRows(Readable.from(chunks), delimiter)) batches.push(batch);
  return batches;
}

/** Everything a core makes of the batches, as JSON (key order included). */
function output(
  batches: readonly (readonly RawRow[])[],
  delimiter: string,
  fastLane: boolean,
  formats: readonly FormatProfile[] = KNOWN_FORMATS,
) {
  const core = new IngestCore({
    formats,
    defaultAnchorId: 'anchor',
    delimiter,
    maxRejectedRatio: 1,
    fastLane,
  });
  const out: string[] = [];
  const drain = () => {
    for (const line of core.drainLines()) out.push(JSON.stringify(line));
    for (const rejection of core.drainRejections()) out.push(JSON.stringify(rejection));
  };
  for (const batch of batches) {
    for (const record of batch) {
      const pushed = core.push(record);
      if (!pushed.ok) out.push(`failed: ${pushed.reason}`);
    }
    drain();
  }
  out.push(JSON.stringify(core.finish()));
  drain();
  for (const rollup of core.rollups.records()) out.push(JSON.stringify(rollup));
  return { out, core };
}

describe('the fast lane', () => {
  it('reads every generated file exactly as the general way does, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 6 }), async ({ layout, text }, offsets) => {
        const batches = await rowBatches(cut(text, offsets), layout.delimiter);
        expect(output(batches, layout.delimiter, true, layout.formats).out).toEqual(
          output(batches, layout.delimiter, false, layout.formats).out,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('forgets its templates when they pass the memo bound, their runs merged first: nothing is lost', async () => {
    // More distinct suppliers than the lane remembers (65 536), each paid twice, far apart.
    const suppliers = 70_000;
    const rows = Array.from({ length: 2 * suppliers }, (_, index) => {
      const supplier = index % suppliers;
      return `${index};${10 + (index % 18)}/0${1 + (index % 9)}/2025;Fournisseur ${supplier};${supplier % 90}${index % 7},5${index % 10}`;
    });
    const text = ['N° mandat;Date mandat;Tiers;Montant TTC', ...rows].join('\n');
    const batches = await rowBatches([text], ';');
    const fast = output(batches, ';', true).out;
    expect(
      fast.filter((line) => line.startsWith('{"anchorId"') && line.includes('"lineNumber"')),
    ).toHaveLength(2 * suppliers);
    expect(fast).toEqual(output(batches, ';', false).out);
  });

  it('never mistakes quoted values holding the delimiter for other values joined by it', async () => {
    const text = [
      'Code tiers;Tiers;SIRET;Date;Montant',
      '"T000924;ACME";" SARL";;10/01/2025;12,00',
      '"T000924";"ACME; SARL";;10/01/2025;13,00',
      'T000924;"ACME; SARL";;10/01/2025;14,00',
    ].join('\n');
    const batches = await rowBatches([text], ';');
    const fast = output(batches, ';', true).out;
    expect(fast).toEqual(output(batches, ';', false).out);
    expect(
      fast.filter((line) => line.includes('"name":"SARL"') && line.includes('"lineNumber"')),
    ).toHaveLength(1);
  });

  it('takes the common lines: lines of one supplier share its values instead of each making them', async () => {
    const text = [
      'N° mandat;Date mandat;Tiers;SIRET;Montant TTC',
      '1;10/01/2025;Dupont;89000923600013;12,00',
      '2;11/01/2025;Dupont;89000923600013;13,00',
      '3;12/02/2025;"Dupont";89000923600013;14,00',
    ].join('\n');
    const batches = await rowBatches([text], ';');
    const linesOf = (fastLane: boolean) => {
      const { core } = output(batches, ';', fastLane);
      return core.rollups.records().next().value;
    };
    const fast = linesOf(true);
    expect(fast?.amountCents).toBe(3_900);
    expect(fast).toEqual(linesOf(false));
    const read = (fastLane: boolean) => {
      const core = new IngestCore({
        formats: KNOWN_FORMATS,
        defaultAnchorId: 'a',
        delimiter: ';',
        maxRejectedRatio: 1,
        fastLane,
      });
      for (const batch of batches) for (const record of batch) core.push(record);
      core.finish();
      return core.drainLines();
    };
    const lines = read(true);
    expect(lines.map((line) => line.amountCents)).toEqual([1_200, 1_300, 1_400]);
    expect(lines[1]?.supplier).toBe(lines[0]?.supplier);
    expect(lines[2]?.supplier).toBe(lines[0]?.supplier);
    const general = read(false);
    expect(general[1]?.supplier).not.toBe(general[0]?.supplier);
    expect(general).toEqual(lines);
  });
});
