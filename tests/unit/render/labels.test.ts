import { describe, expect, it } from 'vitest';
import { LOCALITY_SOURCES } from '../../../shared/domain/locality/place.ts';
import {
  anchorTypeLabel,
  fallbackRingLabel,
  formatMoney,
  formatMoneyToCent,
  formatPeriod,
  formatPoints,
  formatShare,
  LABELS,
  localitySourceLabel,
  SUPPLIER_TYPE_IDS,
  supplierTypeLabel,
  supplierTypeSourceLabel,
} from '../../../shared/render/labels.ts';

/** Every path to a leaf of a labels object: both languages must say everything. */
const paths = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, inner]) => paths(inner, `${prefix}.${key}`))
    : [prefix];

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('labels', () => {
  it('titles the report in both languages', () => {
    expect(LABELS.fr.title).toBe('Rapport de dépense locale');
    expect(LABELS.en.title).toBe('Local spend report');
  });

  it('labels abroad and unknown, and passes other ring ids through', () => {
    expect(fallbackRingLabel('abroad', 'fr')).toBe('Étranger');
    expect(fallbackRingLabel('unknown', 'fr')).toBe('Inconnu');
    expect(fallbackRingLabel('abroad', 'en')).toBe('Abroad');
    expect(fallbackRingLabel('unknown', 'en')).toBe('Unknown');
    expect(fallbackRingLabel('metropole', 'fr')).toBe('metropole');
    expect(fallbackRingLabel('toString', 'fr')).toBe('toString');
  });

  it('labels every supplier type and locality source in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const id of SUPPLIER_TYPE_IDS) expect(supplierTypeLabel(id, lang)).not.toBe(id);
      for (const source of LOCALITY_SOURCES) expect(localitySourceLabel(source, lang)).not.toBe(source);
    }
    expect(supplierTypeLabel('public', 'fr')).toBe('Organismes publics');
    expect(supplierTypeLabel('public', 'en')).toBe('Public bodies');
    expect(supplierTypeLabel('cooperative', 'fr')).toBe('Coopératives');
    expect(supplierTypeLabel('unknown', 'fr')).toBe('Non déterminé');
    expect(supplierTypeLabel('not-a-type', 'en')).toBe('not-a-type');
    expect(LABELS.fr.kind.payments).toBe('Paiements (mandats)');
    expect(LABELS.en.kind.contracts).toBe('Contracts notified');
  });
});

describe('labels in both languages', () => {
  it('have the same entries', () => {
    expect(paths(LABELS.en)).toEqual(paths(LABELS.fr));
    expect(LABELS.en.referencePoints.items).toHaveLength(LABELS.fr.referencePoints.items.length);
  });

  it('label anchor types and supplier-type sources, passing unknown ids through', () => {
    expect(anchorTypeLabel('hospital', 'fr')).toBe('Hôpital');
    expect(anchorTypeLabel('epci', 'en')).toBe('Inter-municipal authority');
    expect(anchorTypeLabel('constructor', 'en')).toBe('constructor');
    expect(supplierTypeSourceLabel('registry', 'fr')).toBe('Répertoire SIRENE');
    expect(supplierTypeSourceLabel('none', 'en')).toBe('No information');
    expect(supplierTypeSourceLabel('__proto__', 'en')).toBe('__proto__');
  });
});

describe('formatPoints', () => {
  it('writes a difference of shares in percentage points', () => {
    expect(formatPoints(0.029, 'fr')).toBe(`2,9${NBSP}points`);
    expect(formatPoints(0.015, 'fr')).toBe(`1,5${NBSP}point`);
    expect(formatPoints(0.029, 'en')).toBe('2.9 percentage points');
    expect(formatPoints(0.01, 'en')).toBe('1.0 percentage point');
    expect(formatPoints(-0.000001, 'en')).toBe('0.0 percentage points');
  });
});

describe('formatPeriod', () => {
  it('writes a month the way a reader says it and leaves a year alone', () => {
    expect(formatPeriod('2024-01', 'fr')).toBe('janv. 2024');
    expect(formatPeriod('2024-12', 'en')).toBe('Dec 2024');
    expect(formatPeriod('2024', 'fr')).toBe('2024');
    expect(formatPeriod('2024-13', 'en')).toBe('2024-13');
  });

  it('names the period of undated spend, never reading it as a date', () => {
    expect(formatPeriod('undated', 'fr')).toBe('non daté');
    expect(formatPeriod('undated', 'en')).toBe('undated');
  });
});

describe('formatMoney', () => {
  it('drops the cents from 1 000 upwards', () => {
    expect(formatMoney(4_210_000, 'EUR', 'fr')).toBe(`4${NNBSP}210${NNBSP}000${NBSP}€`);
    expect(formatMoney(4_210_000, 'EUR', 'en')).toBe('€4,210,000');
    expect(formatMoney(1_000, 'GBP', 'en')).toBe('£1,000');
    expect(formatMoney(-2_500.4, 'EUR', 'en')).toBe('-€2,500');
  });

  it('writes whole units below 1 000 too: one choice of decimals in a table', () => {
    expect(formatMoney(999.4, 'EUR', 'fr')).toBe(`999${NBSP}€`);
    expect(formatMoney(999.5, 'GBP', 'en')).toBe('£1,000');
    expect(formatMoney(-0.001, 'EUR', 'en')).toBe('€0');
  });

  it('keeps the cents of any amount when asked to the cent', () => {
    expect(formatMoneyToCent(10_878_269.18, 'EUR', 'fr')).toBe(`10${NNBSP}878${NNBSP}269,18${NBSP}€`);
    expect(formatMoneyToCent(10_878_269.18, 'EUR', 'en')).toBe('€10,878,269.18');
    expect(formatMoneyToCent(6_300_000, 'GBP', 'en')).toBe('£6,300,000.00');
    expect(formatMoneyToCent(-1_250, 'EUR', 'en')).toBe('-€1,250.00');
    expect(formatMoneyToCent(-0.001, 'EUR', 'fr')).toBe(`0,00${NBSP}€`);
  });

  it('writes the pound as £ in French too', () => {
    expect(formatMoney(12, 'GBP', 'fr')).toBe(`12${NBSP}£`);
  });
});

describe('formatShare', () => {
  it('writes a percentage with one decimal', () => {
    expect(formatShare(0.421, 'fr')).toBe(`42,1${NBSP}%`);
    expect(formatShare(0.421, 'en')).toBe('42.1%');
    expect(formatShare(1, 'en')).toBe('100.0%');
    expect(formatShare(0.00049, 'fr')).toBe(`0,0${NBSP}%`);
    expect(formatShare(-0.00001, 'en')).toBe('0.0%');
  });
});
