import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateHeader } from '../../../shared/domain/formats/header-match.ts';
import { repairHeaderCell } from '../../../shared/domain/formats/inference/header-repair.ts';
import { inferColumns } from '../../../shared/domain/formats/inference/infer-columns.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { formatOfMappingProfile } from '../../../shared/domain/formats/mapping-profile.ts';

/**
 * SYNTHETIC files: headers drawn from the words publishers use (seen in real UK and French exports),
 * cells generated per role, columns shuffled.
 */
const HEADERS = {
  supplierName: [
    'Supplier Name',
    'Beneficiary Name',
    'Supplier(Beneficiary) Name',
    'Supplier (Beneficiary) Name',
    'Vendor Name',
    'Payee',
    'Creditor',
    'Libellé tiers',
    'Nom du créancier',
    'Fournisseur',
    'Raison sociale',
    'Bénéficiaire',
  ],
  amount: [
    'Amount',
    'Spend',
    'Total (excludes VAT)',
    'Invoice Line Value (net of VAT)',
    'Net Value',
    'Value £',
    'Montant HT',
    'Mt TTC',
    'Montant payé',
  ],
  date: [
    'Payment Date',
    'Clearing Date',
    'Invoice Payment Date',
    'Date Paid',
    'Date de mandatement',
    'Date paiement',
    'Paid on',
  ],
  supplierIdentifier: ['N° SIRET tiers', 'SIRET', 'Company Number', 'Companies House Number'],
  serviceArea: ['Service Area', 'Department', 'Directorate', 'Service gestionnaire'],
  reference: ['Transaction Number', 'Document No', 'N° mandat', 'Voucher Number'],
} as const;
type Role = keyof typeof HEADERS;

const NAMES = [
  'ACME LTD',
  'Boulangerie Martin SARL',
  'SCOP Les Ateliers',
  'Royal Mail Group',
  'ÉTS DUPONT & FILS',
  'Veolia Eau',
];
const SIRETS = ['73282932000074', '35600000000048', '55208131766522', '78012998703591'];
const SERVICES = ['Children Services', 'Direction des sports', 'Highways', 'Culture'];

const cellOf = (role: Role, row: number): string => {
  switch (role) {
    case 'supplierName':
      return NAMES[row % NAMES.length] ?? '';
    case 'amount':
      return `${(row * 137.31 + 500).toFixed(2)}`;
    case 'date':
      return `${String((row % 27) + 1).padStart(2, '0')}/0${(row % 9) + 1}/2024`;
    case 'supplierIdentifier':
      return SIRETS[row % SIRETS.length] ?? '';
    case 'serviceArea':
      return SERVICES[row % SERVICES.length] ?? '';
    case 'reference':
      return `T${String(400000 + row * 7)}`;
  }
};

const arbitraryFile = fc
  .record({
    headers: fc.record(
      Object.fromEntries(Object.entries(HEADERS).map(([role, list]) => [role, fc.constantFrom(...list)])) as {
        [R in Role]: fc.Arbitrary<string>;
      },
    ),
    optional: fc.subarray(['supplierIdentifier', 'serviceArea', 'reference', 'date'] as Role[]),
    seed: fc.integer(),
  })
  .chain(({ headers, optional, seed }) => {
    const roles: Role[] = ['supplierName', 'amount', ...optional];
    return fc.shuffledSubarray(roles, { minLength: roles.length }).map((order) => ({ headers, order, seed }));
  });

describe('columns recognised from their names and contents', () => {
  it('reads a file whose headers are drawn from the synonym lists, columns shuffled, with the right roles', () => {
    fc.assert(
      fc.property(arbitraryFile, ({ headers, order }) => {
        const rows = [
          order.map((role) => headers[role]),
          ...Array.from({ length: 25 }, (_, row) => order.map((role) => cellOf(role, row))),
        ];
        const inferred = inferColumns(rows, 30);
        if (!('reading' in inferred)) throw new Error(`not read: ${JSON.stringify(inferred.noReading)}`);
        const read = new Map(inferred.reading.choices.map((choice) => [choice.role, choice.header]));
        for (const role of order)
          expect(read.get(role), `${role} in ${JSON.stringify(order)}`).toBe(headers[role]);
      }),
      { numRuns: 300 },
    );
  });

  const read = (header: readonly string[], body: readonly (readonly string[])[]) => {
    const inferred = inferColumns([header, ...body], 30);
    if (!('reading' in inferred)) throw new Error('not read');
    return inferred.reading;
  };
  const body = (...columns: ((row: number) => string)[]) =>
    Array.from({ length: 12 }, (_, row) => columns.map((cell) => cell(row)));
  const money = (row: number) => `${(row * 91.5 + 12).toFixed(2)}`;
  const gross = (row: number) => `${((row * 91.5 + 12) * 1.2).toFixed(2)}`;
  const day = (row: number) => `2024-03-${String(row + 1).padStart(2, '0')}`;
  const name = (row: number) => NAMES[row % NAMES.length] ?? '';

  it.each([
    [['Supplier', 'Gross Amount', 'Net Amount'], 'Net Amount'],
    [['Supplier', 'Net Amount', 'Gross Amount'], 'Net Amount'],
    [['Fournisseur', 'Montant TTC', 'Montant HT'], 'Montant HT'],
    [['Supplier', 'Total (includes VAT)', 'Total (excludes VAT)'], 'Total (excludes VAT)'],
  ])('settles %j by reading spend net of VAT', (header, expected) => {
    const reading = read(header, body(name, gross, money));
    const amount = reading.choices.find((choice) => choice.role === 'amount');
    expect(amount?.header).toBe(expected);
    expect(amount?.settledBy).toBe('net-of-vat');
  });

  it('never reads a VAT column as the spend', () => {
    const reading = read(
      ['Supplier Name', 'VAT', 'Amount'],
      body(name, (row) => `${row * 3}.10`, money),
    );
    expect(reading.choices.find((choice) => choice.role === 'amount')?.header).toBe('Amount');
  });

  it.each([
    [['Vendor', 'Invoice Date', 'Payment Date', 'Value'], 'Payment Date'],
    [['Vendor', 'Payment Date', 'Invoice Date', 'Value'], 'Payment Date'],
    [['Tiers', 'Date facture', 'Date de mandatement', 'Montant'], 'Date de mandatement'],
    [['Vendor', 'Invoice GL Date', 'Clearing Date', 'Spend'], 'Clearing Date'],
  ])('settles %j by dating spend on its payment', (header, expected) => {
    const reading = read(header, body(name, day, day, money));
    const date = reading.choices.find((choice) => choice.role === 'date');
    expect(date?.header).toBe(expected);
    expect(date?.settledBy).toBe('payment-date');
  });

  it('tells the supplier’s id from its name, whichever comes first', () => {
    for (const header of [
      ['Supplier ID', 'Supplier Name', 'Amount'],
      ['Supplier Name', 'Supplier ID', 'Amount'],
    ]) {
      const idFirst = header[0] === 'Supplier ID';
      const code = (row: number) => `S${10040 + row}`;
      const reading = read(header, body(idFirst ? code : name, idFirst ? name : code, money));
      const roles = new Map(reading.choices.map((choice) => [choice.role, choice.header]));
      expect(roles.get('supplierName')).toBe('Supplier Name');
      expect(roles.get('supplierLocalId')).toBe('Supplier ID');
    }
  });

  it('reads names under a header that calls them an id, when every cell is a name (Gateshead’s `Supplier id(T)`)', () => {
    const reading = read(
      ['TransNo', 'Supplier id(T)', 'Amount'],
      body((row) => `${42388816 + row}`, name, money),
    );
    expect(reading.choices.find((choice) => choice.role === 'supplierName')?.header).toBe('Supplier id(T)');
  });

  it('finds the header below a title line, and the decimal comma and the currency of a French export', () => {
    const rows = [
      ['Extraction des mandats 2024', '', ''],
      ['Nom du créancier', 'Mt TTC', 'Date paiement'],
      ...body(
        name,
        (row) => `${row + 1} 234,5${row % 10}`,
        (row) => `${String(row + 10)}/01/2024`,
      ),
    ];
    const inferred = inferColumns(rows, 30);
    if (!('reading' in inferred)) throw new Error('not read');
    const { format, rowIndex } = inferred.reading.header;
    expect(rowIndex).toBe(1);
    expect([format.currency, format.decimal, format.dateOrder]).toEqual(['EUR', ',', 'dmy']);
  });

  it('refuses a file whose columns say nothing, with its best guess', () => {
    const inferred = inferColumns([['A', 'B', 'C'], ...body(name, money, day)], 30);
    expect('noReading' in inferred && inferred.noReading.missing).toEqual(['supplierName', 'amount']);
  });
});

describe('header cells repaired before they are matched', () => {
  it.each([
    ['ï»¿Body Name', 'Body Name'],
    ['\uFEFFSupplier', 'Supplier'],
    ['LibellÃ© tiers', 'Libellé tiers'],
    ['Nom du crÃ©ancier', 'Nom du créancier'],
    ['Montant payÃ© (â‚¬)', 'Montant payé (€)'],
    ['Libellé tiers', 'Libellé tiers'],
    ['Ã', 'Ã'],
    ['Amount', 'Amount'],
  ])('%s → %s', (cell, repaired) => {
    expect(repairHeaderCell(cell)).toBe(repaired);
  });

  it('lets a known format find the column behind a byte-order mark decoded twice', () => {
    const located = locateHeader(
      [['ï»¿Body Name', 'Supplier Name', 'Amount', 'Payment Date']],
      KNOWN_FORMATS,
    );
    expect(located.ok && [located.value.format.id, located.value.columns.get('anchorName')]).toEqual([
      'uk-spend-csv',
      0,
    ]);
  });

  it('still matches a mapping profile saved with the garbled name', () => {
    const profile = formatOfMappingProfile({
      version: 1,
      id: 'garbled',
      label: 'Garbled',
      kind: 'payments',
      currency: 'EUR',
      decimal: ',',
      dateFormat: 'dd/mm/yyyy',
      columns: { supplierName: 'CrÃ©ancier', amount: 'Montant', date: 'Date' },
    });
    const located = locateHeader([['CrÃ©ancier', 'Montant', 'Date']], [profile]);
    expect(located.ok && located.value.columns.get('supplierName')).toBe(0);
  });

  it('leaves plain ASCII as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (cell) => {
        expect(repairHeaderCell(cell)).toBe(cell);
      }),
    );
  });
});
