import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  LEGAL_CATEGORIES,
  LEGAL_CATEGORY_DEPARTURES,
  legalCategoryOf,
} from '../../../shared/domain/typing/legal-categories.ts';
import { LEGAL_CATEGORY_ROWS } from '../../../shared/domain/typing/legal-category-rows.ts';

const CsvRowSchema = z.object({
  code: z.string().regex(/^\d{4}$/),
  libelle: z.string().min(1),
  niveau2_code: z.string().regex(/^\d{2}$/),
  niveau2_libelle: z.string().min(1),
  niveau1_code: z.string().regex(/^\d$/),
  niveau1_libelle: z.string(),
  cwb_category_suggested: z.enum([
    'public',
    'cooperative',
    'association',
    'mutual',
    'foundation',
    'sole_trader',
    'company',
    'foreign',
    'other',
  ]),
  cwb_subcategory_suggested: z.string().regex(/^[a-z_]+$/),
});

const csvText = readFileSync(
  new URL('../../../data/reference/categories-juridiques-niveau3.csv', import.meta.url),
  'utf8',
);
const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
const csvRows = z.array(CsvRowSchema).parse(parsed.data);

const typeOf = (code: string) => legalCategoryOf(code)?.cwb;

describe('the reference CSV', () => {
  it('parses cleanly: 260 unique codes, each in its level II and level I', () => {
    expect(parsed.errors).toEqual([]);
    expect(csvRows).toHaveLength(260);
    expect(new Set(csvRows.map((row) => row.code)).size).toBe(260);
    for (const row of csvRows) {
      expect(row.code.startsWith(row.niveau2_code)).toBe(true);
      expect(row.niveau2_code.startsWith(row.niveau1_code)).toBe(true);
    }
  });

  it('keeps its quoted commas inside labels', () => {
    expect(csvRows.find((row) => row.code === '5710')?.libelle).toBe('SAS, société par actions simplifiée');
  });
});

describe('LEGAL_CATEGORY_ROWS (generated from the CSV)', () => {
  it('holds every CSV row as is, in order', () => {
    expect(LEGAL_CATEGORY_ROWS.map((row) => [...row])).toEqual(
      csvRows.map((row) => [
        row.code,
        row.libelle,
        row.niveau2_code,
        row.cwb_category_suggested,
        row.cwb_subcategory_suggested,
      ]),
    );
  });
});

describe('LEGAL_CATEGORIES against DESIGN §6', () => {
  const codes = [...LEGAL_CATEGORIES.keys()];

  it('has the 260 codes', () => {
    expect(LEGAL_CATEGORIES.size).toBe(260);
  });

  it('types 4xxx and 7xxx as public bodies', () => {
    const publicCodes = codes.filter((code) => code.startsWith('4') || code.startsWith('7'));
    expect(publicCodes).toHaveLength(68);
    for (const code of publicCodes) expect([code, typeOf(code)]).toEqual([code, 'public']);
  });

  it.each([
    ['5415', 'public-owned'],
    ['5515', 'public-owned'],
    ['5615', 'public-owned'],
    ['5458', 'cooperative'],
    ['5558', 'cooperative'],
    ['5658', 'cooperative'],
    ['5547', 'cooperative'],
    ['5647', 'cooperative'],
    ['6316', 'cooperative'],
    ['6317', 'cooperative'],
    ['6318', 'cooperative'],
    ['5191', 'cooperative'],
    ['6411', 'mutual'],
    ['9300', 'foundation'],
    ['1000', 'sole-trader'],
    ['5710', 'company'],
    ['5499', 'company'],
    ['5546', 'company'],
    ['3120', 'company'],
    ['3210', 'public'],
    ['2310', 'company'],
    ['8410', 'unknown'],
    ['9900', 'unknown'],
  ])('%s → %s', (code, type) => {
    expect(typeOf(code)).toBe(type);
  });

  it('types every 92xx as an association and every 82xx as a mutual', () => {
    for (const code of codes.filter((c) => c.startsWith('92'))) expect(typeOf(code)).toBe('association');
    for (const code of codes.filter((c) => c.startsWith('82'))) expect(typeOf(code)).toBe('mutual');
  });

  it('types every private code whose label says cooperative (or SCOP) as a cooperative', () => {
    const cooperativeLabels = csvRows.filter(
      (row) => /coop[ée]rati(ve|f)|\bSCOP\b/i.test(row.libelle) && !/^[47]/.test(row.code),
    );
    expect(cooperativeLabels.length).toBeGreaterThan(35);
    for (const row of cooperativeLabels)
      expect([row.code, typeOf(row.code)]).toEqual([row.code, 'cooperative']);
  });

  it('departs from the CSV only where it says so, each time with a reason', () => {
    const suggestedType = (suggested: string) =>
      suggested === 'sole_trader'
        ? 'sole-trader'
        : suggested === 'foreign'
          ? 'company'
          : suggested === 'other'
            ? 'unknown'
            : suggested;
    const departed = csvRows
      .filter((row) => typeOf(row.code) !== suggestedType(row.cwb_category_suggested))
      .map((row) => row.code);
    expect(departed.sort()).toEqual([...LEGAL_CATEGORY_DEPARTURES.keys()].sort());
    for (const { why } of LEGAL_CATEGORY_DEPARTURES.values()) expect(why.length).toBeGreaterThan(20);
  });

  it('keeps label, level II and the suggested subcategory as detail', () => {
    expect(legalCategoryOf('5458')).toEqual({
      label: 'SARL coopérative de production (SCOP)',
      level2: '54',
      cwb: 'cooperative',
      sub: 'scop',
    });
  });
});

describe('legalCategoryOf', () => {
  it.each([' 5710 ', '57.10', '5710'])('reads %j as 5710', (value) => {
    expect(legalCategoryOf(value)?.label).toBe('SAS, société par actions simplifiée');
  });

  it.each(['', '57', '1234', 'abcd', '__proto__', 'constructor'])('knows no code %j', (value) => {
    expect(legalCategoryOf(value)).toBeUndefined();
  });
});
