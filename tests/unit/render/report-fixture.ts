import type { ClassifiedSupplier } from '../../../shared/domain/report/classified-supplier.ts';
import {
  METHOD_VERSION,
  REPORT_SCHEMA_VERSION,
  type Report,
} from '../../../shared/domain/report/report-schema.ts';

export const HOSTILE_SUPPLIER_NAME = '<script>alert("x")</script> & Fils';
export const QUOTED_FILE_NAME = 'mandats "quotes" 2024.csv';
export const FULL_SHA256 = '3f2a9c1e7b4d5a6f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f';

const RING_LABELS = {
  fr: {
    metropole: 'Métropole de Lyon',
    region: 'Auvergne-Rhône-Alpes',
    france: 'France',
    abroad: 'Étranger',
    unknown: 'Inconnu',
  },
  en: {
    metropole: 'Lyon Metropolis',
    region: 'Auvergne-Rhône-Alpes',
    france: 'France',
    abroad: 'Abroad',
    unknown: 'Unknown',
  },
} as const;

const TYPE_LABELS = {
  fr: {
    sme: 'Petites et moyennes entreprises (PME)',
    large: 'Grandes entreprises',
    'mid-size': 'Entreprises de taille intermédiaire (ETI)',
    public: 'Organismes publics',
    cooperative: 'Coopératives',
    association: 'Associations',
    'sole-trader': 'Entrepreneurs individuels',
    unknown: 'Non déterminé',
  },
  en: {
    sme: 'Small and medium-sized enterprises (SMEs)',
    large: 'Large companies',
    'mid-size': 'Mid-size companies',
    public: 'Public bodies',
    cooperative: 'Cooperatives',
    association: 'Associations and charities',
    'sole-trader': 'Sole traders',
    unknown: 'Unknown',
  },
} as const;

/**
 * A consortium report for the Lyon metropolis: two anchors, 10 M€ influenceable, 42,1 % local.
 * Figures add up (rings and types sum to the influenceable total, excluded to the rules).
 */
export function reportFixture(language: 'fr' | 'en' = 'fr'): Report {
  const ring = RING_LABELS[language];
  const type = TYPE_LABELS[language];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    methodVersion: METHOD_VERSION,
    generatedAt: '2025-03-01T10:15:00Z',
    kind: 'payments',
    currency: 'EUR',
    language,
    territory: {
      id: 'lyon',
      name: language === 'fr' ? 'Métropole de Lyon' : 'Lyon Metropolis',
      localRing: 'metropole',
    },
    scope: { type: 'consortium' },
    period: { from: '2024-01-01', to: '2024-12-31' },
    anchors: [
      { id: 'metropole-lyon', name: 'Métropole de Lyon', type: 'epci', amount: 6_300_000, lines: 8_200 },
      { id: 'hcl', name: 'Hospices Civils de Lyon', type: 'hospital', amount: 4_550_000, lines: 4_100 },
    ],
    datasets: [
      {
        id: 'ds-metropole-2024',
        file: QUOTED_FILE_NAME,
        sha256: FULL_SHA256,
        format: 'fr-payments-csv',
        encoding: 'windows-1252',
        lines: 8_200,
        rejectedLines: 14,
        amount: 6_300_000,
        periodFrom: '2024-01-01',
        periodTo: '2024-12-31',
      },
      {
        id: 'ds-hcl-2024',
        file: 'depenses-hcl-2024.csv',
        format: 'fr-payments-csv',
        encoding: 'utf-8',
        lines: 4_100,
        rejectedLines: 3,
        amount: 4_550_000,
      },
    ],
    totals: {
      gross: 10_850_000,
      influenceable: 10_000_000,
      excluded: 600_000,
      grants: 250_000,
      lines: 12_300,
      rejectedLines: 17,
      suppliers: 1_000,
    },
    headline: {
      localRing: 'metropole',
      localAmount: 4_210_000,
      localShare: 0.421,
      knownLocalityShare: 0.94,
      ambiguousAmount: 35_000,
      unknownAmount: 600_000,
      headOffice: {
        localAmount: 2_100_000,
        localShare: 0.21,
        knownLocalityShare: 0.7,
        unknownAmount: 3_000_000,
      },
    },
    byRing: [
      {
        ring: 'metropole',
        label: ring.metropole,
        amount: 4_210_000,
        share: 0.421,
        cumulativeShare: 0.421,
        suppliers: 412,
        ambiguousAmount: 35_000,
      },
      {
        ring: 'region',
        label: ring.region,
        amount: 2_150_000,
        share: 0.215,
        cumulativeShare: 0.636,
        suppliers: 230,
        ambiguousAmount: 0,
      },
      {
        ring: 'france',
        label: ring.france,
        amount: 2_890_000,
        share: 0.289,
        cumulativeShare: 0.925,
        suppliers: 301,
        ambiguousAmount: 0,
      },
      {
        ring: 'abroad',
        label: ring.abroad,
        amount: 150_000,
        share: 0.015,
        cumulativeShare: 0.94,
        suppliers: 12,
        ambiguousAmount: 0,
      },
      {
        ring: 'unknown',
        label: ring.unknown,
        amount: 600_000,
        share: 0.06,
        cumulativeShare: 1,
        suppliers: 45,
        ambiguousAmount: 0,
      },
    ],
    byRingHeadOffice: [
      {
        ring: 'metropole',
        label: ring.metropole,
        amount: 4_210_000,
        share: 0.421,
        cumulativeShare: 0.421,
        suppliers: 412,
        ambiguousAmount: 35_000,
      },
      {
        ring: 'region',
        label: ring.region,
        amount: 2_150_000,
        share: 0.215,
        cumulativeShare: 0.636,
        suppliers: 230,
        ambiguousAmount: 0,
      },
      {
        ring: 'france',
        label: ring.france,
        amount: 2_890_000,
        share: 0.289,
        cumulativeShare: 0.925,
        suppliers: 301,
        ambiguousAmount: 0,
      },
      {
        ring: 'abroad',
        label: ring.abroad,
        amount: 150_000,
        share: 0.015,
        cumulativeShare: 0.94,
        suppliers: 12,
        ambiguousAmount: 0,
      },
      {
        ring: 'unknown',
        label: ring.unknown,
        amount: 600_000,
        share: 0.06,
        cumulativeShare: 1,
        suppliers: 45,
        ambiguousAmount: 0,
      },
    ],
    bySupplierType: [
      { type: 'sme', label: type.sme, amount: 3_500_000, share: 0.35, suppliers: 420 },
      { type: 'large', label: type.large, amount: 2_600_000, share: 0.26, suppliers: 38 },
      { type: 'mid-size', label: type['mid-size'], amount: 1_400_000, share: 0.14, suppliers: 72 },
      { type: 'public', label: type.public, amount: 900_000, share: 0.09, suppliers: 55 },
      { type: 'cooperative', label: type.cooperative, amount: 450_000, share: 0.045, suppliers: 18 },
      { type: 'association', label: type.association, amount: 350_000, share: 0.035, suppliers: 160 },
      { type: 'sole-trader', label: type['sole-trader'], amount: 200_000, share: 0.02, suppliers: 192 },
      { type: 'unknown', label: type.unknown, amount: 600_000, share: 0.06, suppliers: 45 },
    ],
    topSuppliers: [
      {
        key: 'siren:552081317',
        name: 'Transports Urbains du Rhône',
        amount: 1_200_000,
        share: 0.12,
        lines: 48,
        ring: 'metropole',
        headOfficeRing: 'unknown',
        type: 'large',
      },
      {
        key: 'siren:732829320',
        name: HOSTILE_SUPPLIER_NAME,
        amount: 380_000,
        share: 0.038,
        lines: 12,
        ring: 'metropole',
        headOfficeRing: 'unknown',
        type: 'sme',
      },
      {
        key: 'siren:418125365',
        name: 'Scop Bâtir Ensemble',
        amount: 250_000,
        share: 0.025,
        lines: 30,
        ring: 'metropole',
        headOfficeRing: 'unknown',
        type: 'cooperative',
      },
      {
        key: 'vat:DE123456789',
        name: 'Fournitures du Monde GmbH',
        amount: 120_000,
        share: 0.012,
        lines: 6,
        ring: 'abroad',
        headOfficeRing: 'unknown',
        type: 'large',
      },
      {
        key: 'name:entreprise-sans-adresse',
        name: 'Entreprise sans adresse',
        amount: 90_000,
        share: 0.009,
        lines: 4,
        ring: 'unknown',
        headOfficeRing: 'unknown',
        type: 'unknown',
      },
    ],
    coverage: {
      locality: {
        knownShare: 0.94,
        ambiguousAmount: 35_000,
        headOffice: {
          knownShare: 0.7,
          bySource: [
            { source: 'registry', amount: 7_000_000, share: 0.7 },
            { source: 'none', amount: 3_000_000, share: 0.3 },
          ],
        },
        bySource: [
          { source: 'file-commune', amount: 5_800_000, share: 0.58 },
          { source: 'file-postcode', amount: 2_400_000, share: 0.24 },
          { source: 'postcode-departement', amount: 900_000, share: 0.09 },
          { source: 'foreign-identifier', amount: 100_000, share: 0.01 },
          { source: 'file-country', amount: 200_000, share: 0.02 },
          { source: 'none', amount: 600_000, share: 0.06 },
        ],
      },
      supplierType: {
        knownShare: 0.94,
        bySource: [
          { source: 'sirene', amount: 8_900_000, share: 0.89 },
          { source: 'name-pattern', amount: 500_000, share: 0.05 },
          { source: 'none', amount: 600_000, share: 0.06 },
        ],
      },
    },
    exclusionRules: [
      { id: 'intra-public-transfers', label: 'Transferts entre budgets publics', amount: 400_000 },
      { id: 'payroll', label: 'Rémunérations et charges sociales', amount: 200_000 },
    ],
    cooperatives: [
      {
        key: 'siret:78929051700018',
        name: 'Imprimerie Alpine SCOP',
        amount: 450_000,
        share: 0.045,
        detail: 'scop',
        ring: 'metropole',
      },
    ],
    unmatchedSuppliers: [
      { key: 'name:atelier x@69003', name: 'Atelier X', amount: 90_000, share: 0.009, lines: 4 },
    ],
    concessions: { amount: 0, lines: 0, concessionaires: 0 },
  };
}

export function supplierFixture(overrides: Partial<ClassifiedSupplier> = {}): ClassifiedSupplier {
  return {
    key: 'siren:732829320',
    name: HOSTILE_SUPPLIER_NAME,
    identifier: '73282932000074',
    postcode: '69003',
    anchorIds: ['metropole-lyon', 'hcl'],
    amountCents: 38_000_012,
    influenceableCents: 37_500_005,
    lines: 12,
    ring: 'metropole',
    ringSource: 'file-commune',
    ambiguous: false,
    headOfficeRing: 'region',
    headOfficeSource: 'registry',
    type: 'sme',
    typeSource: 'sirene',
    typeDetail: undefined,
    matched: true,
    ...overrides,
  };
}

export const suppliersFixture: readonly ClassifiedSupplier[] = [
  supplierFixture(),
  supplierFixture({
    key: 'vat:DE123456789',
    name: 'Fournitures du Monde GmbH',
    identifier: 'DE123456789',
    postcode: undefined,
    anchorIds: ['hcl'],
    amountCents: 12_000_000,
    influenceableCents: 12_000_000,
    lines: 6,
    ring: 'abroad',
    ringSource: 'foreign-identifier',
    ambiguous: false,
    type: 'large',
    typeSource: 'name-pattern',
  }),
  supplierFixture({
    key: 'name:entreprise-sans-adresse',
    name: '=HYPERLINK("http://evil.example","clic")',
    identifier: undefined,
    postcode: undefined,
    anchorIds: ['metropole-lyon'],
    amountCents: 9_000_050,
    influenceableCents: 5,
    lines: 4,
    ring: 'unknown',
    ringSource: 'none',
    ambiguous: true,
    type: 'unknown',
    typeSource: 'none',
  }),
];
