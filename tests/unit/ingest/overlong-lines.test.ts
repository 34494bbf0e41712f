/**
 * A line of megabytes is a rejected line, not the whole file: without a line break it cannot be a
 * quote that swallowed the lines after it. Only its start reaches the core (`OverlongRecord`), which
 * rejects it with its true length and reads on; a file that is nothing but such a line says so.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_FORMATS } from '../../../shared/domain/formats/known-formats.ts';
import { IngestCore, type RawRow } from '../../../shared/domain/ingest/index.ts';
import { OverlongRecord } from '../../../shared/domain/ingest/overlong-record.ts';
import { hasUnclosedQuote, MAX_LINE_LENGTH } from '../../../shared/domain/ingest/row-checks.ts';
import { lineWithoutQuote, nulLine } from '../../fixtures/built/hostile-files.ts';

const SEED = 20261203;

function ingest(rows: readonly RawRow[]) {
  const core = new IngestCore({
    formats: KNOWN_FORMATS,
    defaultAnchorId: 'anchor-under-test',
    delimiter: ';',
    maxRejectedRatio: 0.5,
  });
  for (const row of rows) core.push(row);
  const summary = core.finish();
  return { summary, lines: core.drainLines(), rejections: core.drainRejections() };
}

const row = (lineNumber: number, text: string): RawRow => ({ lineNumber, cells: text.split(';') });

describe('a value over a million characters', () => {
  it('is a quote never closed only when it runs over lines', () => {
    for (const value of [lineWithoutQuote(SEED, 2_000_000), nulLine(2_000_000)]) {
      expect(hasUnclosedQuote([value])).toBe(false);
      expect(hasUnclosedQuote([`${value.slice(0, 1_500_000)}\n${value.slice(1_500_000)}`])).toBe(true);
    }
  });
});

describe('an overlong record', () => {
  const overlong = new OverlongRecord(3, 'x'.repeat(1_000), 2_000_000, ';');

  it('is rejected as too long, with its length, and the file goes on', () => {
    const run = ingest([
      row(1, 'Fournisseur;Montant;Date'),
      row(2, 'Alpha;10,00;05/01/2024'),
      overlong,
      row(4, 'Beta;20,00;06/01/2024'),
    ]);
    expect(run.summary.ok).toBe(true);
    expect(run.lines.map((line) => line.amountCents)).toEqual([1000, 2000]);
    expect(run.rejections).toEqual([
      {
        lineNumber: 3,
        reason: `the line is longer than ${MAX_LINE_LENGTH} characters (2000000): only its first 1000 are shown`,
        raw: 'x'.repeat(1_000),
      },
    ]);
  });

  it('alone in a file, is the reason the file is refused, even when it is all spaces', () => {
    for (const start of ['x'.repeat(1_000), ' '.repeat(1_000)]) {
      const run = ingest([new OverlongRecord(1, start, 209_715_200, ';')]);
      expect(run.summary.ok).toBe(false);
      if (run.summary.ok) return;
      expect(run.summary.reason).toMatch(
        /^line 1 is 209715200 characters long, more than the 65536 a line may have; no header row found/,
      );
    }
  });
});
