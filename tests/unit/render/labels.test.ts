import { describe, expect, it } from 'vitest';
import { LOCALITY_SOURCES } from '../../../shared/domain/locality/place.ts';
import {
  fallbackRingLabel,
  formatMoney,
  formatShare,
  LABELS,
  localitySourceLabel,
  SUPPLIER_TYPE_IDS,
  supplierTypeLabel,
} from '../../../shared/render/labels.ts';

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

describe('formatMoney', () => {
  it('drops the cents from 1 000 upwards', () => {
    expect(formatMoney(4_210_000, 'EUR', 'fr')).toBe(`4${NNBSP}210${NNBSP}000${NBSP}€`);
    expect(formatMoney(4_210_000, 'EUR', 'en')).toBe('€4,210,000');
    expect(formatMoney(1_000, 'GBP', 'en')).toBe('£1,000');
    expect(formatMoney(-2_500.4, 'EUR', 'en')).toBe('-€2,500');
  });

  it('keeps two decimals below 1 000', () => {
    expect(formatMoney(999.5, 'EUR', 'fr')).toBe(`999,50${NBSP}€`);
    expect(formatMoney(999.5, 'GBP', 'en')).toBe('£999.50');
    expect(formatMoney(-0.001, 'EUR', 'en')).toBe('€0.00');
  });

  it('writes the pound as £ in French too', () => {
    expect(formatMoney(12, 'GBP', 'fr')).toBe(`12,00${NBSP}£`);
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
