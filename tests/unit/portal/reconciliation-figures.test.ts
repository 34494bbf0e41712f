import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../portal/src/i18n/language.ts';
import { reconciliationFigures } from '../../../portal/src/pages/upload/reconciliation-figures.ts';
import type { DatasetReconciliation } from '../../../shared/contracts/portal-api.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** A file that ties out: 10 000,00 counted + 250,00 set aside + 12,34 rejected = 10 262,34. */
const RECONCILIATION: DatasetReconciliation = {
  controlCents: 1_026_234,
  countedCents: 1_000_000,
  concessionCents: 0,
  setAside: [
    { kind: 'older-version', lines: 2, cents: 20_000 },
    { kind: 'duplicate', lines: 1, cents: 5_000 },
  ],
  totalRows: { lines: 1, cents: 1_000_000 },
  rejected: { lines: 3, withAmount: 1, cents: 1_234 },
  flags: [
    { flag: 'undated', lines: 4, cents: 40_001 },
    { flag: 'invalid-identifier', lines: 1, cents: 99 },
  ],
  statedTotal: { lineNumber: 1_204, cents: 1_000_000, agrees: true },
};

const figures = (reconciliation: DatasetReconciliation, language: 'fr' | 'en') =>
  reconciliationFigures(reconciliation, 1_200, 'EUR', MESSAGES[language], language);

describe('the reconciliation on the status page', () => {
  it('gives each part of the control total its lines and its amount to the cent, in French', () => {
    const fr = figures(RECONCILIATION, 'fr');
    expect(fr.parts).toEqual([
      ['Dépenses comptées (achats)', `1${NNBSP}200`, `10${NNBSP}000,00${NBSP}€`],
      [
        `Écartées${NBSP}: versions antérieures d’un marché (la version actuelle est comptée)`,
        '2',
        `200,00${NBSP}€`,
      ],
      [`Écartées${NBSP}: marchés ou lignes en double dans le fichier`, '1', `50,00${NBSP}€`],
      ['Rejetées, avec un montant lisible', '1', `12,34${NBSP}€`],
      ['Rejetées, sans montant lisible', '2', '—'],
    ]);
    expect(fr.control).toBe(`10${NNBSP}262,34${NBSP}€`);
    expect(fr.totalRows).toEqual({
      term: 'Lignes de total ou sous-total (pas des dépenses, hors total de contrôle)',
      value: `1 ligne(s), 10${NNBSP}000,00${NBSP}€`,
    });
    expect(fr.statedTotal).toEqual({
      term: `Total indiqué par le fichier (ligne 1${NNBSP}204)`,
      value: `10${NNBSP}000,00${NBSP}€, égal aux dépenses comptées`,
      agrees: true,
    });
  });

  it('names each flag and its counted spend, in English', () => {
    const en = figures(RECONCILIATION, 'en');
    expect(en.flags).toEqual([
      ['no readable date (counted in the file’s period)', '4', '€400.01'],
      ['invalid identifier (kept as written, supplier known by name)', '1', '€0.99'],
    ]);
    expect(en.parts[0]).toEqual(['Spend counted (purchases)', '1,200', '€10,000.00']);
    expect(en.control).toBe('€10,262.34');
  });

  it('says by how much the file’s own total differs from the spend counted', () => {
    const differs = { ...RECONCILIATION, statedTotal: { lineNumber: 90, cents: 1_000_150, agrees: false } };
    expect(figures(differs, 'en').statedTotal).toEqual({
      term: 'The file’s own total (line 90)',
      value: '€10,001.50, not the spend counted (€10,000.00): a difference of €1.50',
      agrees: false,
    });
  });

  it('lists concessions apart, and leaves out what the file does not have', () => {
    const plain: DatasetReconciliation = {
      controlCents: 700,
      countedCents: 500,
      concessionCents: 200,
      setAside: [],
      totalRows: { lines: 0, cents: 0 },
      rejected: { lines: 0, withAmount: 0, cents: 0 },
      flags: [],
      statedTotal: null,
    };
    const en = figures(plain, 'en');
    expect(en.parts).toEqual([
      ['Spend counted (purchases)', '1,200', '€5.00'],
      ['Concessions (counted apart from purchases)', '', '€2.00'],
    ]);
    expect(en.totalRows).toBeUndefined();
    expect(en.statedTotal).toBeUndefined();
    expect(en.flags).toEqual([]);
  });

  it('shows a flag the labels do not know by its code rather than hiding its money', () => {
    const unknown = { ...RECONCILIATION, flags: [{ flag: 'new-flag', lines: 1, cents: 100 }] };
    expect(figures(unknown, 'fr').flags).toEqual([['new-flag', '1', `1,00${NBSP}€`]]);
  });
});
