import { describe, expect, it } from 'vitest';
import type { CanonicalField } from '../../../shared/domain/formats/canonical-fields.ts';
import {
  HEADER_SEARCH_ROWS,
  locateHeader,
  matchHeader,
} from '../../../shared/domain/formats/header-match.ts';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';

const DECP_HEADER =
  'uid,id,acheteur_id,acheteur_nom,nature,objet,codeCPV,procedure,lieuExecution_code,lieuExecution_typeCode,lieuExecution_nom,dureeMois,dateNotification,datePublicationDonnees,montant,formePrix,titulaire_id,titulaire_typeIdentifiant,titulaire_denominationSociale'.split(
    ',',
  );
const OXFORD_HEADER =
  'Client,Service Area,Expenditure Catergory,Expenditure Code,Paid Date,Trans No,Amount,Type of Expenditure,Supplier ID,Supplier Name'.split(
    ',',
  );
const MANDATS_HEADER =
  'N° mandat;Date mandat;Tiers;SIRET;Code postal;Ville;Pays;Nature;Libellé nature;Montant TTC'.split(';');

function columnsOf(result: ReturnType<typeof matchHeader>): Record<string, number> {
  if (!result.ok) throw new Error(`expected a match, got: ${result.reason}`);
  return Object.fromEntries(result.value.columns);
}

describe('matchHeader on the headers of the real sample files', () => {
  it.each<[string, string[], string, Partial<Record<CanonicalField, number>>]>([
    [
      'DECP flattened (Isère 2019)',
      DECP_HEADER,
      'decp-flat-csv',
      {
        contractUid: 0,
        reference: 1,
        anchorId: 2,
        anchorName: 3,
        description: 5,
        categoryCode: 6,
        date: 12,
        amount: 14,
        supplierIdentifier: 16,
        supplierIdentifierType: 17,
        supplierName: 18,
      },
    ],
    [
      'UK spend over £500 (Oxford 2018 Q1)',
      OXFORD_HEADER,
      'uk-spend-csv',
      {
        anchorName: 0,
        serviceArea: 1,
        categoryLabel: 2,
        categoryCode: 3,
        date: 4,
        reference: 5,
        amount: 6,
        supplierLocalId: 8,
        supplierName: 9,
      },
    ],
    [
      'French mandats (synthetic régie)',
      MANDATS_HEADER,
      'fr-payments-csv',
      {
        reference: 0,
        date: 1,
        supplierName: 2,
        supplierIdentifier: 3,
        supplierPostcode: 4,
        supplierCommune: 5,
        supplierCountry: 6,
        categoryCode: 7,
        categoryLabel: 8,
        amount: 9,
      },
    ],
  ])('recognises the %s header', (_name, header, formatId, expectedColumns) => {
    const result = matchHeader(header, KNOWN_FORMATS);
    expect(result.ok && result.value.format.id).toBe(formatId);
    expect(columnsOf(result)).toEqual(expectedColumns);
    expect(result.ok && result.value.headerCells).toEqual(header);
  });
});

describe('matchHeader: aliases are compared case-, accent- and punctuation-insensitively', () => {
  it.each<[string[], string, { supplierName: number; amount: number; date: number }]>([
    [
      ['Tiers', 'MONTANT TTC', 'date de paiement'],
      'fr-payments-csv',
      { supplierName: 0, amount: 1, date: 2 },
    ],
    [
      ['date de paiement', 'BENEFICIAIRE', 'montant-ttc'],
      'fr-payments-csv',
      { supplierName: 1, amount: 2, date: 0 },
    ],
    [
      ['  Créancier ', 'Montant mandaté', 'DATE D’ÉMISSION'],
      'fr-payments-csv',
      { supplierName: 0, amount: 1, date: 2 },
    ],
    [
      ['montant_paye', 'date.mandat', 'nom-du-tiers'],
      'fr-payments-csv',
      { supplierName: 2, amount: 0, date: 1 },
    ],
    [['supplier_name', 'amount', 'paid_date'], 'uk-spend-csv', { supplierName: 0, amount: 1, date: 2 }],
    [
      ['SUPPLIER-NAME', 'AMOUNT (£)', 'Payment Date'],
      'uk-spend-csv',
      { supplierName: 0, amount: 1, date: 2 },
    ],
    [['Date', 'Vendor Name', 'Net-Amount'], 'uk-spend-csv', { supplierName: 1, amount: 2, date: 0 }],
  ])('%j → %s', (header, formatId, expected) => {
    const result = matchHeader(header, KNOWN_FORMATS);
    expect(result.ok && result.value.format.id).toBe(formatId);
    const columns = columnsOf(result);
    expect({ supplierName: columns.supplierName, amount: columns.amount, date: columns.date }).toEqual(
      expected,
    );
  });

  it('takes the alias listed first when a header has several columns for one field', () => {
    // "Montant" is listed before "Montant HT" for the amount: it wins wherever it stands.
    const result = matchHeader(['Tiers', 'Montant HT', 'Date', 'Montant'], KNOWN_FORMATS);
    expect(columnsOf(result).amount).toBe(3);
  });

  it('does not match an alias that is only a part of a header cell', () => {
    const result = matchHeader(['Tiers', 'Montant total des factures', 'Date'], KNOWN_FORMATS);
    expect(result.ok).toBe(false);
  });
});

describe('matchHeader errors', () => {
  it.each<[string, string[], string]>([
    [
      'a duplicate column (same name)',
      ['Tiers', 'Montant', 'Date', 'Montant'],
      'the header has the column "Montant" twice: each column name must be unique',
    ],
    [
      'a duplicate column (same name once folded)',
      ['Tiers', 'Montant TTC', 'Date', 'montant-ttc'],
      'the header has the column "montant-ttc" twice: each column name must be unique',
    ],
    [
      'a "__proto__" column',
      ['Tiers', '__proto__', 'Montant', 'Date'],
      'the header has a column named "__proto__", which is not allowed',
    ],
    [
      'a "constructor" column',
      ['Tiers', 'Montant', 'Date', ' constructor '],
      'the header has a column named "constructor", which is not allowed',
    ],
    [
      'a "prototype" column',
      ['prototype', 'Supplier Name', 'Amount', 'Paid Date'],
      'the header has a column named "prototype", which is not allowed',
    ],
  ])('rejects %s', (_name, header, reason) => {
    expect(matchHeader(header, KNOWN_FORMATS)).toEqual({ ok: false, reason });
  });

  it('allows several empty header cells (they are not duplicates)', () => {
    expect(matchHeader(['Tiers', '', 'Montant', '', 'Date'], KNOWN_FORMATS).ok).toBe(true);
  });

  it.each<[string, string[], string, string[]]>([
    [
      'French payments without a date',
      ['Fournisseur', 'Montant'],
      'date',
      ['Date', 'Date mandat', 'Date de paiement', "Date d'émission", 'Date émission', 'Date du mandat'],
    ],
    [
      'French payments without a supplier',
      ['N° mandat', 'Montant TTC', 'Date mandat', 'Nature'],
      'supplierName',
      ['Tiers', 'Fournisseur', 'Raison sociale', 'Bénéficiaire', 'Créancier', 'Nom du tiers'],
    ],
    [
      'UK spend without an amount',
      ['Supplier Name', 'Paid Date', 'Service Area', 'Expenditure Code'],
      'amount',
      ['Amount', 'Net amount', 'Net Amount', 'Value', 'Amount (£)', 'Total', 'Amount Paid', 'Invoiced Value'],
    ],
  ])('a header looking like %s names the missing field and its aliases', (_name, header, field, aliases) => {
    const result = matchHeader(header, KNOWN_FORMATS);
    if (result.ok) throw new Error('expected a failure');
    expect(result.reason).toContain('but a required column is missing');
    expect(result.reason).toContain(`${field} (one of: ${aliases.join(', ')})`);
  });

  it('names every missing required field of DECP', () => {
    const result = matchHeader(['uid', 'acheteur_id', 'montant', 'objet'], KNOWN_FORMATS);
    if (result.ok) throw new Error('expected a failure');
    expect(result.reason).toMatch(/^looks like DECP flattened CSV/);
    expect(result.reason).toContain('date (one of: dateNotification)');
    expect(result.reason).toContain('supplierIdentifier (one of: titulaire_id, titulaires.id)');
    expect(result.reason).not.toContain('contractUid');
  });

  it('says a row has no known column at all', () => {
    expect(matchHeader(['foo', 'bar', 'baz'], KNOWN_FORMATS)).toEqual({
      ok: false,
      reason: 'no known column names in this row',
    });
  });
});

describe('locateHeader', () => {
  const title = ['Régie fictive des Eaux de Grenoble — extraction des mandats 2025'];
  const blank = [''];

  it.each<[string, string[][], number]>([
    ['on the first row', [MANDATS_HEADER], 0],
    ['below a title and a blank row', [title, blank, MANDATS_HEADER], 2],
    ['below blank rows of several empty cells', [['', '', ''], ['  '], OXFORD_HEADER], 2],
    ['below a title row that names a single known column', [['Budget'], DECP_HEADER], 1],
    [
      'on the last row searched',
      [...Array.from({ length: HEADER_SEARCH_ROWS - 1 }, (_, i) => [`query line ${i}`]), OXFORD_HEADER],
      HEADER_SEARCH_ROWS - 1,
    ],
  ])('finds the header %s', (_name, rows, rowIndex) => {
    const result = locateHeader(rows, KNOWN_FORMATS);
    expect(result.ok && result.value.rowIndex).toBe(rowIndex);
    expect(result.ok && result.value.headerCells).toEqual(rows[rowIndex]);
  });

  it('ignores data rows after the header', () => {
    const result = locateHeader([MANDATS_HEADER, MANDATS_HEADER.map(() => 'x')], KNOWN_FORMATS);
    expect(result.ok && result.value.rowIndex).toBe(0);
  });

  it(`fails when there is no header in the first ${HEADER_SEARCH_ROWS} rows`, () => {
    const rows = [
      ...Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`title ${i}`, 'x']),
      MANDATS_HEADER,
    ];
    const result = locateHeader(rows, KNOWN_FORMATS);
    if (result.ok) throw new Error('expected a failure');
    expect(result.reason).toMatch(/^no header row found in the first 30 lines/);
    for (const format of KNOWN_FORMATS) expect(result.reason).toContain(format.label);
  });

  it('fails on no rows at all', () => {
    const result = locateHeader([], KNOWN_FORMATS);
    expect(result.ok).toBe(false);
  });

  it('reports the nearest header with its line rather than "no header"', () => {
    const result = locateHeader([title, blank, ['Tiers', 'Montant TTC', 'Nature']], KNOWN_FORMATS);
    if (result.ok) throw new Error('expected a failure');
    expect(result.reason).toMatch(/^line 3: looks like French payment orders extract/);
    expect(result.reason).toContain('date (one of: Date, Date mandat');
  });

  it('reports the row that comes nearest to a header, not the first row naming a known column', () => {
    const result = locateHeader(
      [
        ['Collectivité', 'Ville de Grenoble'],
        ['Exercice', '2025'],
        blank,
        ['Tiers', 'Montant TTC', 'Nature'],
      ],
      KNOWN_FORMATS,
    );
    if (result.ok) throw new Error('expected a failure');
    expect(result.reason).toMatch(/^line 4: looks like French payment orders extract/);
    expect(result.reason).not.toContain('supplierName');
  });

  it('reports a duplicate column of a header row with its line', () => {
    const result = locateHeader([title, ['Tiers', 'Montant', 'Date', 'Date']], KNOWN_FORMATS);
    expect(result).toEqual({
      ok: false,
      reason: 'line 2: the header has the column "Date" twice: each column name must be unique',
    });
  });

  it('reports a "__proto__" header with its line', () => {
    const result = locateHeader([['__proto__', 'Tiers', 'Montant', 'Date']], KNOWN_FORMATS);
    expect(result).toEqual({
      ok: false,
      reason: 'line 1: the header has a column named "__proto__", which is not allowed',
    });
  });
});
