import * as z from 'zod';
import { CurrencySchema, DatasetKindSchema } from '../dataset-kind.ts';
import { LocalMultiplierSchema } from './local-multiplier-schema.ts';

/** Bumped when the shape of report.json changes; other tools read these names. */
export const REPORT_SCHEMA_VERSION = '1.5.0';
/** Bumped when a rule that changes a figure changes (docs/method.md records each version). */
export const METHOD_VERSION = '0.9.0';

const Amount = z.number().describe('currency units, rounded to the cent, computed from integer cents');
const Share = z.number().min(-1).max(2).describe('0–1 share of the influenceable total');

const RingBandsSchema = z.array(
  z.object({
    ring: z.string(),
    label: z.string(),
    amount: Amount,
    share: Share,
    cumulativeShare: Share,
    suppliers: z.number().int(),
    ambiguousAmount: Amount,
  }),
);

const SourceSharesSchema = z.array(z.object({ source: z.string(), amount: Amount, share: Share }));

/**
 * How one file's money, or all of them, ties out: control = counted + concessions + set aside +
 * rejected with an amount, to the cent (see docs/method.md, "Every euro accounted for").
 */
const ReconciliationSchema = z.object({
  control: Amount.describe('every amount that could be read in the file(s), each line or contract once'),
  counted: Amount,
  concessions: Amount,
  setAside: z.array(
    z.object({
      /** older-version, duplicate */
      kind: z.string(),
      label: z.string(),
      lines: z.number().int(),
      amount: Amount,
    }),
  ),
  rejected: z.object({ lines: z.number().int(), linesWithAmount: z.number().int(), amount: Amount }),
  /** Total and sub-total rows of the file: not spend, and not in the control total. */
  totalRows: z.object({ lines: z.number().int(), amount: Amount }),
  /** Counted lines carrying a data-quality flag (invalid-identifier, undated, re-decoded…), with their spend. */
  flags: z.array(z.object({ flag: z.string(), label: z.string(), lines: z.number().int(), amount: Amount })),
  /** The file's own grand total row, compared with what was counted. */
  statedTotal: z.object({ line: z.number().int(), amount: Amount, agrees: z.boolean() }).optional(),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  methodVersion: z.string(),
  generatedAt: z.iso.datetime(),
  kind: DatasetKindSchema.describe('payments (amounts paid) or contracts (amounts notified): never mixed'),
  currency: CurrencySchema,
  language: z.enum(['fr', 'en']),
  territory: z.object({ id: z.string(), name: z.string(), localRing: z.string() }),
  scope: z.object({
    type: z.enum(['consortium', 'anchor']),
    anchorId: z.string().optional(),
  }),
  period: z.object({ from: z.iso.date().nullable(), to: z.iso.date().nullable() }),
  anchors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** commune, epci, departement, region, hospital, university, social-housing, ccas, other-public, unknown */
      type: z.string(),
      amount: Amount,
      lines: z.number().int(),
    }),
  ),
  datasets: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      /** The institution that uploaded the file (never a person); absent from reports before 1.2.0. */
      uploadedBy: z.object({ id: z.string(), name: z.string() }).optional(),
      sha256: z.string().optional(),
      format: z.string().optional(),
      encoding: z.string().optional(),
      lines: z.number().int(),
      rejectedLines: z.number().int(),
      amount: Amount,
      periodFrom: z.iso.date().optional(),
      periodTo: z.iso.date().optional(),
      reconciliation: ReconciliationSchema.optional(),
    }),
  ),
  totals: z.object({
    gross: Amount,
    influenceable: Amount,
    excluded: Amount,
    grants: Amount,
    lines: z.number().int(),
    rejectedLines: z.number().int(),
    suppliers: z.number().int(),
  }),
  headline: z.object({
    localRing: z.string(),
    localAmount: Amount,
    localShare: Share.describe('spend known to be local: a lower bound, headlined only when measurable'),
    knownLocalityShare: Share,
    /** Whether enough spend is located (knownLocalityShare ≥ minimumKnownShare) to headline the local share. */
    measurable: z.boolean(),
    /** The method's threshold of located spend below which a share is said to be not measurable yet. */
    minimumKnownShare: Share,
    /** Spend whose postcode spans communes in different rings: counted in the ring they all share. */
    ambiguousAmount: Amount,
    unknownAmount: Amount,
    headOffice: z.object({
      localAmount: Amount,
      localShare: Share,
      knownLocalityShare: Share,
      /** As `headline.measurable`, for the head-office view. */
      measurable: z.boolean(),
      unknownAmount: Amount,
    }),
  }),
  byRing: RingBandsSchema.describe('establishment view: where the delivering establishment is'),
  byRingHeadOffice: RingBandsSchema.describe('head-office view: where the supplier is controlled'),
  /** What the spend is worth locally once re-spent: NEF's LM3 (since schema 1.5.0). */
  localMultiplier: LocalMultiplierSchema,
  bySupplierType: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      amount: Amount,
      share: Share,
      suppliers: z.number().int(),
    }),
  ),
  topSuppliers: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      amount: Amount,
      share: Share,
      lines: z.number().int(),
      ring: z.string(),
      headOfficeRing: z.string(),
      type: z.string(),
    }),
  ),
  coverage: z.object({
    locality: z.object({
      knownShare: Share,
      ambiguousAmount: Amount,
      bySource: SourceSharesSchema,
      headOffice: z.object({ knownShare: Share, bySource: SourceSharesSchema }),
    }),
    supplierType: z.object({ knownShare: Share, bySource: SourceSharesSchema }),
    /** The register the facts came from (absent from reports before schema 1.4.0). */
    register: z
      .object({
        stock: z
          .object({
            refreshedOn: z.iso.date(),
            /** INSEE's publication date, as the server stated it; null when it did not. */
            publishedOn: z.iso.date().nullable(),
            files: z.array(z.string()),
          })
          .nullable()
          .describe(
            'the last complete refresh from the SIRENE stock; null when none ran (files loaded, or none)',
          ),
        /** Suppliers of this report whose registry facts a company-search API gave, per API. */
        lookedUp: z.array(
          z.object({
            provider: z.string(),
            suppliers: z.number().int(),
            firstOn: z.iso.date(),
            lastOn: z.iso.date(),
          }),
        ),
        /** The last lookups: when, through which API, and whether they were skipped for want of a network. */
        lookups: z.object({ provider: z.string(), lastRunOn: z.iso.date(), offline: z.boolean() }).nullable(),
      })
      .optional(),
  }),
  exclusionRules: z.array(z.object({ id: z.string(), label: z.string(), amount: Amount })),
  /** The social and solidarity economy (ESS) as one total: the `types` listed, added up. */
  socialEconomy: z.object({
    amount: Amount,
    share: Share,
    suppliers: z.number().int(),
    types: z.array(z.string()),
  }),
  /**
   * SMEs (micro-enterprises included) and sole traders. `share` is null when no business's size is
   * known; the spend of unknown size (companies of unknown size, suppliers of unknown type) is beside it.
   */
  smallBusinesses: z.object({
    amount: Amount,
    share: Share.nullable(),
    sizeUnknownAmount: Amount,
    sizeUnknownShare: Share,
    types: z.array(z.string()),
  }),
  /** Every cooperative paid, with what made it one (SCOP, SCIC, CAE, HLM or agricultural coop…). */
  cooperatives: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      amount: Amount,
      share: Share,
      detail: z.string().optional(),
      ring: z.string(),
    }),
  ),
  /** The highest-spend suppliers no registry or directory knows: the ones to fix first. */
  unmatchedSuppliers: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      amount: Amount,
      share: Share,
      lines: z.number().int(),
      /** Known from the file or the name even without a registry: what is left to establish differs. */
      typeKnown: z.boolean(),
      locationKnown: z.boolean(),
    }),
  ),
  /** How spend is grouped into sectors: CPV divisions for contracts, accounting chapters or expense types for payments. */
  sectorScheme: z.enum(['cpv-division', 'nature-chapter', 'expense-type', 'none']),
  bySector: z.array(
    z.object({
      sector: z.string(),
      label: z.string(),
      amount: Amount,
      share: Share,
      localAmount: Amount,
      localShare: Share.describe('share of this sector’s spend that is local'),
      suppliers: z.number().int(),
    }),
  ),
  /** Where the money leaves the territory: the biggest non-local suppliers and sectors. */
  leakage: z.object({
    nonLocalAmount: Amount,
    topSuppliers: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        amount: Amount,
        share: Share,
        ring: z.string(),
        sector: z.string(),
      }),
    ),
    topSectors: z.array(
      z.object({ sector: z.string(), label: z.string(), nonLocalAmount: Amount, shareOfLeakage: Share }),
    ),
  }),
  /**
   * Sectors with large non-local spend where local suppliers already exist: the anchors already pay
   * local suppliers in that sector (and, with a registry, local establishments of the same activity).
   */
  opportunities: z.array(
    z.object({
      sector: z.string(),
      label: z.string(),
      nonLocalAmount: Amount,
      localSuppliersPaid: z.number().int(),
      /** Active establishments of the same activity (NAF division) in the local rings, per the registry; null without one. */
      localEstablishments: z.number().int().nullable(),
      examples: z.array(z.string()),
    }),
  ),
  concentration: z.object({
    top10Share: Share,
    /** Herfindahl–Hirschman index of supplier shares, 0–10 000. */
    hhi: z.number().min(0).max(10_000),
  }),
  trend: z.object({
    granularity: z.enum(['year', 'month']),
    /**
     * How the trend is stated: the first and last twelve months with spend (24 months or more), or
     * the first and last three (6 to 23), each pooled; `too-short` under 6 months, `not-measurable`
     * when the headline is not. Never the first month against the last.
     */
    method: z.enum(['first-last-twelve-months', 'first-last-quarter', 'too-short', 'not-measurable']),
    comparison: z
      .object({
        months: z.number().int(),
        from: z.object({ start: z.string(), end: z.string(), localShare: Share }),
        to: z.object({ start: z.string(), end: z.string(), localShare: Share }),
        monthlyRange: z.object({ min: Share, max: Share }),
      })
      .nullable(),
    points: z.array(
      z.object({ period: z.string(), influenceable: Amount, localAmount: Amount, localShare: Share }),
    ),
  }),
  targets: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      metric: z.enum(['local-share', 'supplier-type-share']),
      /** `illustrative` unless the territory file says the target was adopted: labelled wherever it appears. */
      status: z.enum(['adopted', 'illustrative']),
      target: Share,
      year: z.number().int(),
      baseline: z.object({ value: Share, year: z.number().int() }).nullable(),
      /** Null when the share is not measurable (too little spend located, or typed, for this target). */
      current: Share.nullable(),
      /** target − current: positive means still to go; null with `current`. */
      gap: z.number().nullable(),
    }),
  ),
  /** Each anchor's own figures, for a consortium report. */
  anchorComparison: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      influenceable: Amount,
      localAmount: Amount,
      localShare: Share,
      suppliers: z.number().int(),
    }),
  ),
  dataQuality: z.object({
    rejectedLines: z.number().int(),
    setAsideLines: z.number().int(),
    /** The counted datasets' reconciliations added up. */
    reconciliation: ReconciliationSchema,
    /**
     * Files read but not counted, each named with the file that counts its spend: the same bytes
     * uploaded twice (`duplicate`), or spend found whole in another file (`superseded`).
     */
    datasetsNotCounted: z.array(
      z.object({
        id: z.string(),
        file: z.string(),
        reason: z.enum(['duplicate', 'superseded']),
        countedIn: z.string(),
        amount: Amount,
      }),
    ),
    /** Spend counted without a readable date: in its dataset's period, shown apart in the trend. */
    undatedAmount: Amount,
    unknownLocalityAmount: Amount,
    ambiguousLocalityAmount: Amount,
    unknownTypeAmount: Amount,
    /** The largest single payments or contracts, to check by eye. */
    largestLines: z.array(z.object({ key: z.string(), name: z.string(), amount: Amount })),
    /**
     * Pairs of datasets where the same anchor pays the same supplier the same amount in the same
     * month: spend that may be counted twice (overlapping exports, one file uploaded in two formats).
     */
    overlaps: z.array(
      z.object({
        datasets: z.tuple([z.string(), z.string()]),
        matchingCells: z.number().int(),
        amount: Amount,
      }),
    ),
  }),
  /** DECP concession contracts (valeur globale): reported apart, never summed with purchases. */
  concessions: z.object({ amount: Amount, lines: z.number().int(), concessionaires: z.number().int() }),
});
export type Report = z.infer<typeof ReportSchema>;
