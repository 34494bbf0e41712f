import type { Report } from '../domain/report/report-schema.ts';

type Section = Report['localMultiplier'];
type Reason = NonNullable<Section['reason']>;
type Basis = Section['defaults'][number]['centralBasis'];
type NotUsedReason = Section['statedNotUsed'][number]['reason'];

/**
 * The words of the local multiplier section (docs/method.md, "Local multiplier (LM3)"), per
 * language. Figures arrive already formatted; functions return plain text, escaped by the renderer.
 */
export interface MultiplierLabels {
  readonly heading: string;
  readonly intro: string;
  readonly notMeasurable: Readonly<Record<Reason, string>>;
  readonly lm3: string;
  readonly lm3Range: (low: string, high: string) => string;
  readonly lm3Note: string;
  readonly coverage: string;
  readonly coverageValue: (share: string, answers: number) => string;
  readonly coverageNone: string;
  readonly coverageNote: string;
  readonly perLocal: (unit: string) => string;
  readonly perOutside: (unit: string) => string;
  readonly perValue: (value: string, low: string, high: string) => string;
  readonly perLocalNote: string;
  readonly perOutsideNote: (answers: number) => string;
  readonly noLocalSpend: string;
  readonly noNonLocalSpend: string;
  readonly unknownLocality: (amount: string) => string;
  /** Answers received but not used yet: too few in their group to be published without giving one away. */
  readonly answersWithheld: (answers: number, minimum: number) => string;
  readonly base: Readonly<Record<Section['base'], string>>;
  readonly baseFallback: string;
  readonly rounds: {
    readonly caption: string;
    readonly round: string;
    readonly what: string;
    readonly amount: string;
    readonly detail: string;
    readonly r1: string;
    readonly r2: string;
    readonly r3: string;
    readonly r1What: string;
    readonly r2What: string;
    readonly r3What: string;
    readonly spend: (amount: string) => string;
    readonly staff: (amount: string) => string;
    readonly localSuppliers: (amount: string) => string;
    readonly localWages: (amount: string) => string;
    readonly answered: (amount: string) => string;
    readonly defaults: (amount: string) => string;
    readonly staffRespend: (amount: string) => string;
    readonly r3Range: (low: string, high: string) => string;
    readonly formula: (r1: string, r2: string, r3: string, lm3: string) => string;
  };
  readonly chart: {
    readonly title: string;
    readonly subtitle: string;
    readonly description: string;
    readonly spend: string;
    readonly staff: string;
    readonly localSuppliers: string;
    readonly answered: string;
    readonly defaults: string;
  };
  readonly defaults: {
    readonly heading: string;
    readonly intro: string;
    readonly caption: string;
    readonly row: string;
    readonly central: string;
    readonly range: string;
    readonly basis: string;
    readonly source: string;
    readonly covered: string;
    readonly rows: Readonly<Record<string, string>>;
    readonly bases: Readonly<Record<Basis, string>>;
    /** The central value's basis and the range's, in one cell. */
    readonly basisText: (central: string, range: string) => string;
    readonly sources: Readonly<Record<string, string>>;
    /** Each source as the table names it; its full citation follows the table. */
    readonly sourceShort: Readonly<Record<string, string>>;
    /** A territory's own source, as the table names it. */
    readonly territoryShort: string;
    /** A source under the table: its short name, then the full citation. */
    readonly citation: (short: string, full: string) => string;
    /** What the Northumberland figure is, for the non-local row or for a local group. */
    readonly nefNote: (nonLocal: boolean) => string;
    readonly territorySource: (text: string) => string;
  };
  readonly stated: {
    readonly heading: string;
    readonly caption: string;
    readonly none: string;
    readonly anchor: string;
    readonly year: string;
    readonly totalExpenditure: string;
    readonly staffCosts: string;
    readonly localStaffShare: string;
    /** Under the table: where an anchor's inputs come from, and as of when. */
    readonly sourceOf: (anchor: string, year: number, source: string, asOf: string) => string;
    readonly notUsed: (anchor: string, year: number, reason: NotUsedReason) => string;
  };
  readonly scenario: {
    readonly heading: string;
    readonly lead: (share: string, amount: string) => string;
    readonly shifted: (share: string, nonLocal: string, shifted: string) => string;
    readonly worth: (perLocal: string, perOutside: string, difference: string) => string;
    readonly added: (shifted: string, difference: string, added: string) => string;
    readonly none: string;
  };
}
