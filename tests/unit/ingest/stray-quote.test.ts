import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { strayQuoteLines } from '../../../shared/domain/ingest/stray-quote.ts';
import { ingestStream } from '../../support/ingest-stream.ts';

/** A quote opened and never closed on its line no longer glues the following lines into one value. */

describe('strayQuoteLines', () => {
  it('gives back the lines a stray quote glued, each cut into the header’s width of values', () => {
    // As a CSV reader returns `05/03/2025;"LES AMIS;;10,00;x` + two lines, up to `Ecran 27";`.
    const cells = [
      '05/03/2025',
      'LES AMIS;;10,00;x\n06/03/2025;B;;20,00;y\n07/03/2025;Ecran 27',
      '',
      '30,00',
      'z',
    ];
    expect(strayQuoteLines(cells, 5, ';')).toEqual([
      ['05/03/2025', 'LES AMIS', '', '10,00', 'x'],
      ['06/03/2025', 'B', '', '20,00', 'y'],
      ['07/03/2025', 'Ecran 27', '', '30,00', 'z'],
    ]);
  });

  it.each([
    ['a description over two lines', ['05/03/2025', 'ACME', '', '10,00', 'ligne un\nligne deux']],
    ['a record on one line', ['05/03/2025', 'ACME', '', '10,00', 'x']],
    ['glued lines of another width', ['05/03/2025', 'A;10,00\n06/03/2025;B', '', '20,00', 'y']],
  ])('leaves %s as it is', (_, cells) => {
    expect(strayQuoteLines(cells, 5, ';')).toBeUndefined();
  });
});

describe('a payments file with a stray quote', () => {
  const file = [
    'Date mandat;Tiers;SIRET;Montant TTC;Objet',
    '04/03/2025;AVANT;;5,00;a',
    '05/03/2025;"LES AMIS DU PAIN;;10,00;x',
    '06/03/2025;B;;20,00;y',
    '07/03/2025;Ecran 27";;30,00;z',
    '08/03/2025;APRES;;40,00;"description sur',
    'deux lignes"',
    '',
  ].join('\n');

  it('counts each glued line with its own amount, line number and a flag; a real two-line value stays one', async () => {
    const { lines, rejections, summary } = await ingestStream(Readable.from([Buffer.from(file)]), 0.5);
    expect(rejections).toEqual([]);
    expect(lines.map((line) => [line.lineNumber, line.amountCents, line.supplier.name, line.flags])).toEqual([
      [2, 500, 'AVANT', []],
      [3, 1000, 'LES AMIS DU PAIN', ['stray-quote']],
      [4, 2000, 'B', ['stray-quote']],
      [5, 3000, 'Ecran 27', ['stray-quote']],
      [6, 4000, 'APRES', []],
    ]);
    expect(summary.reconciliation.controlCents).toBe(500 + 1000 + 2000 + 3000 + 4000);
  });
});
