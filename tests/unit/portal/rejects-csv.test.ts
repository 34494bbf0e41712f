import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseRejectsCsv, rejectsCsvIn } from '../../../portal/src/pages/upload/rejects-csv.ts';
import type { Rejection, SetAside } from '../../../shared/domain/ingest/rejection.ts';
import { RejectsFile } from '../../../shared/use-cases/rejects-file.ts';

/** The rejects file exactly as ingest writes it. */
const written = (rows: readonly (Rejection | SetAside)[]) => {
  const file = new RejectsFile();
  file.add(rows);
  return file.toString();
};

describe('the rejects file, read by the portal', () => {
  it('reads each line’s number, status, reason, amount and content as ingest wrote them', () => {
    const text = written([
      {
        lineNumber: 2,
        reason: 'older version of this contract',
        raw: 'a,b,"c"',
        amountCents: 1_234_56,
        setAside: 'older-version',
      },
      { lineNumber: 7, reason: 'no supplier', raw: 'x;y;z', amountCents: -1250 },
      { lineNumber: 9, reason: 'amount "abc" is not a number', raw: '"multi\nline"' },
      { lineNumber: 12, reason: 'total row', raw: '=SUM(A1:A9)', amountCents: 5, setAside: 'summary-row' },
    ]);
    expect(parseRejectsCsv(text)).toEqual([
      {
        line: '2',
        status: 'set aside',
        reason: 'older version of this contract',
        amountCents: 123456,
        content: 'a,b,"c"',
      },
      { line: '7', status: 'rejected', reason: 'no supplier', amountCents: -1250, content: 'x;y;z' },
      {
        line: '9',
        status: 'rejected',
        reason: 'amount "abc" is not a number',
        amountCents: undefined,
        content: '"multi\nline"',
      },
      // The formula is neutralised for spreadsheets: shown as the file has it.
      { line: '12', status: 'set aside', reason: 'total row', amountCents: 5, content: "'=SUM(A1:A9)" },
    ]);
  });

  it('keeps every cent of any amount ingest writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const [row] = parseRejectsCsv(
          written([{ lineNumber: 1, reason: 'r', raw: 'x', amountCents: cents }]),
        );
        expect(row?.amountCents).toBe(cents);
      }),
    );
  });

  it('still reads a file written before the status and amount columns', () => {
    const old = '\uFEFFline;reason;content\r\n704;amount is empty;"a;;c"\r\n';
    expect(parseRejectsCsv(old)).toEqual([
      { line: '704', status: undefined, reason: 'amount is empty', amountCents: undefined, content: 'a;;c' },
    ]);
  });

  it('reads a file with no line not counted as no row', () => {
    expect(parseRejectsCsv(written([]))).toEqual([]);
  });

  describe('the download, in the reader’s language', () => {
    const text = written([
      {
        lineNumber: 7,
        reason: 'amount "12,3,4" is not a number',
        raw: '=HYPERLINK("x");12,3,4',
        amountCents: undefined,
      },
      {
        lineNumber: 9,
        reason: 'the line has 3 values but the header has 5 columns',
        raw: 'a;b;c',
        amountCents: -1250,
      },
      {
        lineNumber: 12,
        reason: "a total row of the file (no payee of its own), not a payment: compared with the lines' sum",
        raw: 'Total;;99',
        amountCents: 9900,
        setAside: 'summary-row',
      },
    ]);

    it('is the file as written for an English reader', () => {
      expect(rejectsCsvIn(text, 'en')).toBe(text);
    });

    it('has French headers, statuses, reasons and decimal commas for a French reader, the content cells untouched', () => {
      const french = rejectsCsvIn(text, 'fr');
      expect(french.startsWith('\uFEFFligne;statut;raison;montant;contenu;code;params\r\n')).toBe(true);
      const rows = parseRejectsCsvRows(french);
      expect(rows.map((row) => row.slice(0, 5))).toEqual([
        [
          '7',
          'rejetée',
          'le montant «\u00A012,3,4\u00A0» n’est pas un nombre',
          '',
          '\'=HYPERLINK("x");12,3,4',
        ],
        ['9', 'rejetée', 'la ligne a 3\u00A0valeurs mais l’en-tête a 5\u00A0colonnes', '-12,50', 'a;b;c'],
        [
          '12',
          'écartée',
          'une ligne de total du fichier (sans bénéficiaire propre), pas un paiement\u00A0: comparée à la somme des lignes',
          '99,00',
          'Total;;99',
        ],
      ]);
      // Codes and parameters stay for a program, and every cent is still there.
      expect(rows.map((row) => row[5])).toEqual(['amount-not-a-number', 'wrong-width', 'grand-total']);
    });
  });
});

/** A CSV's cells as rows, header left out. */
function parseRejectsCsvRows(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: ';',
    skipEmptyLines: true,
  }).data.slice(1);
}
