import { lineFlagLabel, setAsideLabel } from '../../../shared/domain/line-flags.ts';
import type { ClassifiedSupplier } from '../../../shared/domain/report/classified-supplier.ts';
import {
  METHOD_VERSION,
  REPORT_SCHEMA_VERSION,
  type Report,
} from '../../../shared/domain/report/report-schema.ts';

export const HOSTILE_SUPPLIER_NAME = '<script>alert("x")</script> & Fils';
/** A stated input's source, as a territory file could write it. */
export const HOSTILE_SOURCE = 'Compte administratif <b onmouseover=alert(3)>2024</b> & "BP"';

/** A row of the method's defaults table, Northumberland's local average with the assumed ±20 points. */
const multiplierDefault = (row: string, amount: number, suppliers: number) => ({
  row,
  central: 0.76,
  low: 0.56,
  high: 0.96,
  centralBasis: 'published' as const,
  rangeBasis: 'assumption' as const,
  source: 'nef-northumberland-2005',
  amount,
  suppliers,
});

export const QUOTED_FILE_NAME = 'mandats "quotes" 2024.csv';
/** A file read but not counted (the same bytes as QUOTED_FILE_NAME), whose name is markup. */
export const HOSTILE_FILE_NAME = '<img src=x onerror=alert(2)>copie & "mandats".csv';
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
/** A non-local supplier whose name is markup: it lands in the leakage chart's SVG text. */
export const HOSTILE_LEAK_NAME = '<img src=x onerror=alert(1)> Mobilier & "Cie"';

/** M57 accounts as the domain labels them: `611 — Contrats de prestations de services`. */
const SECTOR_LABELS = {
  fr: {
    '611': '611 — Contrats de prestations de services',
    '615': '615 — Entretien et réparations',
    '606': '606 — Achats non stockés de matières et fournitures (énergie, fournitures)',
    '231': '231 — Immobilisations corporelles en cours',
    '604': '604 — Achats d’études et prestations de services',
    '218': '218 — Autres immobilisations corporelles (mobilier, véhicules, informatique)',
    '628': '628 — Divers (cotisations, nettoyage, gardiennage)',
    '205': '205 — Logiciels, concessions et droits',
    '623': '623 — Publicité, publications, relations publiques',
    uncategorised: 'Sans catégorie',
  },
  en: {
    '611': '611 — Service contracts',
    '615': '615 — Maintenance and repairs',
    '606': '606 — Non-stock supplies (energy, supplies)',
    '231': '231 — Works in progress',
    '604': '604 — Purchased studies and services',
    '218': '218 — Other tangible assets (furniture, vehicles, IT)',
    '628': '628 — Other (subscriptions, cleaning, security)',
    '205': '205 — Software, licences and rights',
    '623': '623 — Advertising, publications, public relations',
    uncategorised: 'Uncategorised',
  },
} as const;
type Sector = keyof (typeof SECTOR_LABELS)['fr'];

/** amount, local, leaking (outside the local rings), suppliers — unknown locality is the rest. */
const SECTORS: readonly (readonly [Sector, number, number, number, number])[] = [
  ['611', 2_400_000, 1_150_000, 1_100_000, 120],
  ['615', 1_600_000, 1_020_000, 480_000, 180],
  ['606', 1_500_000, 240_000, 1_200_000, 95],
  ['231', 1_300_000, 760_000, 470_000, 60],
  ['604', 900_000, 310_000, 540_000, 85],
  ['218', 800_000, 180_000, 580_000, 70],
  ['628', 600_000, 330_000, 230_000, 64],
  ['205', 350_000, 40_000, 300_000, 22],
  ['623', 300_000, 120_000, 160_000, 48],
  ['uncategorised', 250_000, 60_000, 130_000, 90],
];
const LEAKING = 5_190_000;
const INFLUENCEABLE = 10_000_000;

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

const leak = (key: string, name: string, amount: number, ring: string, sector: Sector) => ({
  key,
  name,
  amount,
  share: round4(amount / INFLUENCEABLE),
  ring,
  sector,
});

/**
 * Monthly influenceable and local spend over 2024, then the spend of lines with no readable date
 * (its own `undated` point, last): they sum to the year's totals.
 */
const MONTHS: readonly (readonly [string, number, number])[] = [
  ['2024-01', 620_000, 239_000],
  ['2024-02', 710_000, 278_000],
  ['2024-03', 830_000, 332_000],
  ['2024-04', 790_000, 320_000],
  ['2024-05', 850_000, 348_000],
  ['2024-06', 880_000, 368_000],
  ['2024-07', 760_000, 321_000],
  ['2024-08', 540_000, 221_000],
  ['2024-09', 900_000, 387_000],
  ['2024-10', 940_000, 410_000],
  ['2024-11', 1_010_000, 447_000],
  ['2024-12', 1_165_649.75, 537_749.75],
  ['undated', 4_350.25, 1_250.25],
];

const DATED_MONTHS = MONTHS.filter(([period]) => period !== 'undated');
/** A window of months pooled: its local spend over its spend, as the trend comparison states it. */
function pooledWindow(months: readonly (readonly [string, number, number])[]) {
  const total = months.reduce((sum, [, amount]) => sum + amount, 0);
  const local = months.reduce((sum, [, , amount]) => sum + amount, 0);
  return { start: months[0]?.[0] ?? '', end: months.at(-1)?.[0] ?? '', localShare: round4(local / total) };
}
const MONTHLY_SHARES = DATED_MONTHS.map(([, amount, local]) => round4(local / amount));

type Reconciliation = Report['dataQuality']['reconciliation'];
type Language = Report['language'];

const flag = (id: string, lines: number, amount: number, language: Language) => ({
  flag: id,
  label: lineFlagLabel(id, language),
  lines,
  amount,
});

/**
 * The metropole's file: six repeated rows set aside, 14 rejected lines (9 stating an amount), one
 * grand total row stating 1 250,00 € more than the lines counted, flagged lines. Ties out:
 * 6 300 000,00 + 4 812,40 + 23 456,78 = 6 328 269,18.
 */
const metropoleReconciliation = (language: Language): Reconciliation => ({
  control: 6_328_269.18,
  counted: 6_300_000,
  concessions: 0,
  setAside: [{ kind: 'duplicate', label: setAsideLabel('duplicate', language), lines: 6, amount: 4_812.4 }],
  totalRows: { lines: 1, amount: 6_301_250 },
  rejected: { lines: 14, linesWithAmount: 9, amount: 23_456.78 },
  flags: [
    flag('invalid-identifier', 31, 84_210.55, language),
    flag('undated', 4, 3_150.25, language),
    flag('re-decoded', 2, 980.1, language),
  ],
  statedTotal: { line: 8_215, amount: 6_301_250, agrees: false },
});

/** The hospital's file: its 3 rejected lines state no amount; one undated line. */
const hclReconciliation = (language: Language): Reconciliation => ({
  control: 4_550_000,
  counted: 4_550_000,
  concessions: 0,
  setAside: [],
  totalRows: { lines: 0, amount: 0 },
  rejected: { lines: 3, linesWithAmount: 0, amount: 0 },
  flags: [flag('undated', 1, 1_200, language)],
});

/** Both files added up (a sum carries no stated total). */
const allReconciliation = (language: Language): Reconciliation => ({
  control: 10_878_269.18,
  counted: 10_850_000,
  concessions: 0,
  setAside: [{ kind: 'duplicate', label: setAsideLabel('duplicate', language), lines: 6, amount: 4_812.4 }],
  totalRows: { lines: 1, amount: 6_301_250 },
  rejected: { lines: 17, linesWithAmount: 9, amount: 23_456.78 },
  flags: [
    flag('invalid-identifier', 31, 84_210.55, language),
    flag('undated', 5, 4_350.25, language),
    flag('re-decoded', 2, 980.1, language),
  ],
});

/**
 * A consortium report for the Lyon metropolis: two anchors, 10 M€ influenceable, 42,1 % local
 * (21 % by head office), 5,19 M€ leaking, a 45 % target for 2026. Figures add up: rings, types and
 * sectors sum to the influenceable total, months to the year, anchors to the consortium, leakage to
 * the non-local rings, excluded to the rules; each file's reconciliation ties out to the cent and
 * the two add up to the whole.
 */
export function reportFixture(language: 'fr' | 'en' = 'fr'): Report {
  const ring = RING_LABELS[language];
  const type = TYPE_LABELS[language];
  const sector = SECTOR_LABELS[language];
  const fr = language === 'fr';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    methodVersion: METHOD_VERSION,
    generatedAt: '2025-03-01T10:15:00Z',
    kind: 'payments',
    currency: 'EUR',
    language,
    territory: {
      id: 'lyon',
      name: fr ? 'Métropole de Lyon' : 'Lyon Metropolis',
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
        uploadedBy: { id: '20004071500019', name: 'Grenoble-Alpes Métropole' },
        sha256: FULL_SHA256,
        format: 'fr-payments-csv',
        encoding: 'windows-1252',
        lines: 8_200,
        rejectedLines: 14,
        amount: 6_300_000,
        periodFrom: '2024-01-01',
        periodTo: '2024-12-31',
        reconciliation: metropoleReconciliation(language),
      },
      {
        id: 'ds-hcl-2024',
        file: 'depenses-hcl-2024.csv',
        format: 'fr-payments-csv',
        encoding: 'utf-8',
        lines: 4_100,
        rejectedLines: 3,
        amount: 4_550_000,
        reconciliation: hclReconciliation(language),
      },
    ],
    totals: {
      gross: 10_850_000,
      influenceable: INFLUENCEABLE,
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
      measurable: true,
      minimumKnownShare: 0.5,
      ambiguousAmount: 35_000,
      unknownAmount: 600_000,
      headOffice: {
        localAmount: 2_100_000,
        localShare: 0.21,
        knownLocalityShare: 0.7,
        measurable: true,
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
        amount: 2_100_000,
        share: 0.21,
        cumulativeShare: 0.21,
        suppliers: 260,
        ambiguousAmount: 0,
      },
      {
        ring: 'region',
        label: ring.region,
        amount: 1_900_000,
        share: 0.19,
        cumulativeShare: 0.4,
        suppliers: 190,
        ambiguousAmount: 0,
      },
      {
        ring: 'france',
        label: ring.france,
        amount: 2_750_000,
        share: 0.275,
        cumulativeShare: 0.675,
        suppliers: 330,
        ambiguousAmount: 0,
      },
      {
        ring: 'abroad',
        label: ring.abroad,
        amount: 250_000,
        share: 0.025,
        cumulativeShare: 0.7,
        suppliers: 15,
        ambiguousAmount: 0,
      },
      {
        ring: 'unknown',
        label: ring.unknown,
        amount: 3_000_000,
        share: 0.3,
        cumulativeShare: 1,
        suppliers: 205,
        ambiguousAmount: 0,
      },
    ],
    // Worked by hand (docs/method.md, "Local multiplier (LM3)"): the metropole states 2 M€ of staff
    // costs, 80 % living locally; 1 M€ of the 4,21 M€ local spend answered the survey (60 % re-spent).
    // R1 = 10 M€ + 2 M€; R2 = 4,21 M€ + 1,6 M€; R3 = 0,6 M€ + 3,21 M€ × 76 % + 1,6 M€ × 50 %.
    localMultiplier: {
      reason: null,
      baseAsked: 'influenceable',
      base: 'influenceable',
      year: 2024,
      rounds: {
        r1: { total: 12_000_000, spend: 10_000_000, staff: 2_000_000 },
        r2: { total: 5_810_000, suppliers: 4_210_000, staff: 1_600_000 },
        r3: {
          total: 3_839_600,
          answered: 600_000,
          defaults: 2_439_600,
          staff: 800_000,
          low: 2_717_600,
          high: 4_961_600,
        },
      },
      lm3: { central: 1.8041, low: 1.7106, high: 1.8976 },
      coverage: 0.23753,
      answersUsed: { local: 12, nonLocal: 0 },
      answersWithheld: { local: 0, nonLocal: 0 },
      minimumAnswers: 3,
      perLocal: { central: 1.722, low: 1.5695, high: 1.8745 },
      perOutside: { central: 0.36, low: 0.16, high: 0.56 },
      nonLocalAmount: 5_190_000,
      unknownLocalityAmount: 600_000,
      defaults: [
        multiplierDefault('social-economy', 800_000, 30),
        multiplierDefault('small-business', 1_500_000, 250),
        multiplierDefault('large-business', 600_000, 20),
        multiplierDefault('public', 110_000, 5),
        multiplierDefault('size-unknown', 200_000, 80),
        { ...multiplierDefault('non-local', 5_190_000, 543), central: 0.36, low: 0.16, high: 0.56 },
        {
          row: 'staff',
          central: 0.5,
          low: 0.2,
          high: 0.8,
          centralBasis: 'assumption',
          rangeBasis: 'assumption',
          source: 'method-assumption',
          amount: 1_600_000,
          suppliers: 0,
        },
      ],
      stated: [
        {
          anchorId: 'metropole-lyon',
          year: 2024,
          totalExpenditure: null,
          staffCosts: 2_000_000,
          localStaffShare: 0.8,
          source: HOSTILE_SOURCE,
          asOf: '2025-02-15',
        },
      ],
      statedNotUsed: [{ anchorId: 'hcl', year: 2023, reason: 'other-year' }],
      scenario: {
        shift: 0.1,
        nonLocalAmount: 5_190_000,
        shiftedAmount: 519_000,
        perLocal: 1.722,
        perOutside: 0.36,
        difference: 1.362,
        addedAmount: 706_878,
      },
    },
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
        headOfficeRing: 'france',
        type: 'large',
      },
      {
        key: 'siren:552120222',
        name: 'Groupe Énergies Nationales SA',
        amount: 820_000,
        share: 0.082,
        lines: 24,
        ring: 'france',
        headOfficeRing: 'france',
        type: 'large',
      },
      {
        key: 'siren:403052111',
        name: 'Conseil & Stratégie Publique SAS',
        amount: 410_000,
        share: 0.041,
        lines: 9,
        ring: 'france',
        headOfficeRing: 'france',
        type: 'mid-size',
      },
      {
        key: 'siren:732829320',
        name: HOSTILE_SUPPLIER_NAME,
        amount: 380_000,
        share: 0.038,
        lines: 12,
        ring: 'metropole',
        headOfficeRing: 'metropole',
        type: 'sme',
      },
      {
        key: 'siren:380129866',
        name: 'Ascenseurs Rhône-Alpes Maintenance',
        amount: 360_000,
        share: 0.036,
        lines: 36,
        ring: 'region',
        headOfficeRing: 'france',
        type: 'sme',
      },
      {
        key: 'siren:444555666',
        name: HOSTILE_LEAK_NAME,
        amount: 300_000,
        share: 0.03,
        lines: 7,
        ring: 'region',
        headOfficeRing: 'region',
        type: 'sme',
      },
      {
        key: 'siren:512345678',
        name: 'Logiciels Publics Édition SA',
        amount: 280_000,
        share: 0.028,
        lines: 5,
        ring: 'france',
        headOfficeRing: 'france',
        type: 'mid-size',
      },
      {
        key: 'siren:418125365',
        name: 'Scop Bâtir Ensemble',
        amount: 250_000,
        share: 0.025,
        lines: 30,
        ring: 'metropole',
        headOfficeRing: 'metropole',
        type: 'cooperative',
      },
      {
        key: 'siren:327654321',
        name: 'Travaux Publics du Dauphiné',
        amount: 250_000,
        share: 0.025,
        lines: 11,
        ring: 'region',
        headOfficeRing: 'region',
        type: 'sme',
      },
      {
        key: 'siren:301234567',
        name: 'Restauration Collective Nationale',
        amount: 230_000,
        share: 0.023,
        lines: 52,
        ring: 'france',
        headOfficeRing: 'france',
        type: 'large',
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
          { source: 'registry', amount: 8_900_000, share: 0.89 },
          { source: 'name', amount: 500_000, share: 0.05 },
          { source: 'none', amount: 600_000, share: 0.06 },
        ],
      },
    },
    exclusionRules: [
      { id: 'intra-public-transfers', label: 'Transferts entre budgets publics', amount: 400_000 },
      { id: 'payroll', label: 'Rémunérations et charges sociales', amount: 200_000 },
    ],
    // Cooperatives and associations of bySupplierType, added up.
    socialEconomy: {
      amount: 800_000,
      share: 0.08,
      suppliers: 178,
      types: ['cooperative', 'association', 'mutual', 'foundation', 'other-ess'],
    },
    // SMEs and sole traders; the size of the unknown type is unknown.
    smallBusinesses: {
      amount: 3_700_000,
      share: 0.37,
      sizeUnknownAmount: 600_000,
      sizeUnknownShare: 0.06,
      types: ['sme', 'sole-trader'],
    },
    cooperatives: [
      {
        key: 'siren:418125365',
        name: 'Scop Bâtir Ensemble',
        amount: 250_000,
        share: 0.025,
        detail: 'scop',
        ring: 'metropole',
      },
      {
        key: 'siret:78929051700018',
        name: 'Imprimerie Alpine SCOP',
        amount: 120_000,
        share: 0.012,
        detail: 'scop',
        ring: 'region',
      },
      {
        key: 'siren:821456789',
        name: 'Énergies Citoyennes Rhodaniennes SCIC',
        amount: 80_000,
        share: 0.008,
        detail: 'scic',
        ring: 'metropole',
      },
    ],
    unmatchedSuppliers: [
      {
        key: 'name:atelier x@69003',
        name: 'Atelier X',
        amount: 90_000,
        share: 0.009,
        lines: 4,
        typeKnown: false,
        locationKnown: true,
      },
      {
        key: 'name:sarl dupont',
        name: 'SARL Dupont',
        amount: 42_000,
        share: 0.0042,
        lines: 3,
        typeKnown: true,
        locationKnown: false,
      },
    ],
    sectorScheme: 'nature-chapter',
    bySector: SECTORS.map(([id, amount, local, , suppliers]) => ({
      sector: id,
      label: sector[id],
      amount,
      share: round4(amount / INFLUENCEABLE),
      localAmount: local,
      localShare: round4(local / amount),
      suppliers,
    })),
    leakage: {
      nonLocalAmount: LEAKING,
      topSuppliers: [
        leak('siren:552120222', 'Groupe Énergies Nationales SA', 820_000, 'france', '606'),
        leak('siren:403052111', 'Conseil & Stratégie Publique SAS', 410_000, 'france', '604'),
        leak('siren:380129866', 'Ascenseurs Rhône-Alpes Maintenance', 360_000, 'region', '615'),
        leak('siren:444555666', HOSTILE_LEAK_NAME, 300_000, 'region', '218'),
        leak('siren:512345678', 'Logiciels Publics Édition SA', 280_000, 'france', '205'),
        leak('siren:327654321', 'Travaux Publics du Dauphiné', 250_000, 'region', '231'),
        leak('siren:301234567', 'Restauration Collective Nationale', 230_000, 'france', '611'),
        leak('vat:DE123456789', 'Fournitures du Monde GmbH', 120_000, 'abroad', '606'),
      ],
      topSectors: [...SECTORS]
        .sort((a, b) => b[3] - a[3])
        .map(([id, , , leaking]) => ({
          sector: id,
          label: sector[id],
          nonLocalAmount: leaking,
          shareOfLeakage: round4(leaking / LEAKING),
        })),
    },
    opportunities: [
      {
        sector: '606',
        label: sector['606'],
        nonLocalAmount: 1_200_000,
        localSuppliersPaid: 14,
        localEstablishments: 12,
        examples: ['Énergies Citoyennes Rhodaniennes SCIC', 'Fournitures Bureau Croix-Rousse'],
      },
      {
        sector: '611',
        label: sector['611'],
        nonLocalAmount: 1_100_000,
        localSuppliersPaid: 48,
        localEstablishments: null,
        examples: [
          'Transports Urbains du Rhône',
          HOSTILE_SUPPLIER_NAME,
          'Restaurant d’insertion La Passerelle',
        ],
      },
      {
        sector: '218',
        label: sector['218'],
        nonLocalAmount: 580_000,
        localSuppliersPaid: 9,
        localEstablishments: 4,
        examples: ['Atelier Bois Villeurbanne', 'Recyclerie Informatique Lyonnaise'],
      },
      {
        sector: '604',
        label: sector['604'],
        nonLocalAmount: 540_000,
        localSuppliersPaid: 21,
        localEstablishments: 0,
        examples: ['Bureau d’études Saône', 'Coopérative Conseil Lyon'],
      },
      {
        sector: '615',
        label: sector['615'],
        nonLocalAmount: 480_000,
        localSuppliersPaid: 63,
        localEstablishments: 7,
        examples: ['Scop Bâtir Ensemble', 'Plomberie Gerland'],
      },
      {
        sector: '231',
        label: sector['231'],
        nonLocalAmount: 470_000,
        localSuppliersPaid: 17,
        localEstablishments: null,
        examples: ['Scop Bâtir Ensemble'],
      },
    ],
    concentration: { top10Share: 0.448, hhi: 305.2 },
    trend: {
      granularity: 'month',
      method: 'first-last-quarter',
      comparison: {
        months: DATED_MONTHS.length,
        from: pooledWindow(DATED_MONTHS.slice(0, 3)),
        to: pooledWindow(DATED_MONTHS.slice(-3)),
        monthlyRange: { min: Math.min(...MONTHLY_SHARES), max: Math.max(...MONTHLY_SHARES) },
      },
      points: MONTHS.map(([period, influenceable, localAmount]) => ({
        period,
        influenceable,
        localAmount,
        localShare: round4(localAmount / influenceable),
      })),
    },
    targets: [
      {
        id: 'local-share-2026',
        label: fr ? 'Part locale de la dépense influençable' : 'Local share of influenceable spend',
        metric: 'local-share',
        status: 'adopted',
        target: 0.45,
        year: 2026,
        baseline: { value: 0.38, year: 2022 },
        current: 0.421,
        gap: 0.029,
      },
      {
        id: 'social-economy-2026',
        label: fr ? 'Part de l’économie sociale et solidaire' : 'Share of the social economy',
        metric: 'supplier-type-share',
        status: 'illustrative',
        target: 0.12,
        year: 2026,
        baseline: { value: 0.065, year: 2022 },
        current: 0.08,
        gap: 0.04,
      },
    ],
    anchorComparison: [
      {
        id: 'metropole-lyon',
        name: 'Métropole de Lyon',
        type: 'epci',
        influenceable: 5_800_000,
        localAmount: 2_650_000,
        localShare: 0.4569,
        suppliers: 640,
      },
      {
        id: 'hcl',
        name: 'Hospices Civils de Lyon',
        type: 'hospital',
        influenceable: 4_200_000,
        localAmount: 1_560_000,
        localShare: 0.3714,
        suppliers: 510,
      },
    ],
    dataQuality: {
      rejectedLines: 17,
      setAsideLines: 7,
      reconciliation: allReconciliation(language),
      datasetsNotCounted: [
        {
          id: 'ds-metropole-2024-copie',
          file: HOSTILE_FILE_NAME,
          reason: 'duplicate',
          countedIn: QUOTED_FILE_NAME,
          amount: 6_300_000,
        },
        {
          id: 'ds-hcl-2024-s1',
          file: 'depenses-hcl-2024-semestre-1.csv',
          reason: 'superseded',
          countedIn: 'depenses-hcl-2024.csv',
          amount: 2_210_430.15,
        },
      ],
      undatedAmount: 4_350.25,
      unknownLocalityAmount: 600_000,
      ambiguousLocalityAmount: 35_000,
      unknownTypeAmount: 600_000,
      largestLines: [
        { key: 'siren:552081317', name: 'Transports Urbains du Rhône', amount: 310_000 },
        { key: 'siren:552120222', name: 'Groupe Énergies Nationales SA', amount: 185_000 },
        { key: 'siren:732829320', name: HOSTILE_SUPPLIER_NAME, amount: 96_000 },
      ],
      overlaps: [{ datasets: ['a'.repeat(24), 'b'.repeat(24)], matchingCells: 3, amount: 12_500 }],
    },
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
    typeSource: 'registry',
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
    typeSource: 'name',
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
