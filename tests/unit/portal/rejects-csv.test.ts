import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRejectsCsv } from '../../../portal/src/pages/upload/rejects-csv.ts';
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
});
