import { SMALL_BUSINESS_TYPES, SOCIAL_ECONOMY_TYPES } from '../report/to-whom.ts';

/**
 * The local re-spend shares round 3 of the local multiplier assumes for a recipient that has not
 * answered the survey (docs/method.md, "Local multiplier (LM3)"). One figure only is published for
 * them: the New Economics Foundation's LM3 study with Northumberland County Council found that local
 * suppliers re-spent on average 76 % of their income from the council locally, suppliers from outside
 * the county 36 %. No per-type or per-size figure is published: every local group takes the
 * Northumberland average, and every low–high range is this method's own assumption, said so wherever
 * it is shown. A territory may replace any row with its own values and source.
 */

/** The groups the defaults are given for, from the report's supplier types (`respendGroupOf`). */
const RESPEND_GROUPS = [
  'social-economy',
  'small-business',
  'large-business',
  'public',
  'size-unknown',
] as const;
export type RespendGroup = (typeof RESPEND_GROUPS)[number];

/** Besides the local groups: suppliers outside the territory (for "per unit spent outside") and staff. */
const OTHER_RECIPIENTS = ['non-local', 'staff'] as const;
export type DefaultRow = RespendGroup | (typeof OTHER_RECIPIENTS)[number];
export const DEFAULT_ROWS = [...RESPEND_GROUPS, ...OTHER_RECIPIENTS] as const;

/** Where a figure comes from: a published study, this method's assumption, or the territory's file. */
export const BASES = ['published', 'assumption', 'territory'] as const;
export type Basis = (typeof BASES)[number];

export interface RespendDefault {
  readonly central: number;
  readonly low: number;
  readonly high: number;
  /** The central value's basis; the range's is stated apart (the published study gives no range). */
  readonly centralBasis: Basis;
  readonly rangeBasis: Basis;
  /** A reference id (`NEF_NORTHUMBERLAND`, `METHOD_ASSUMPTION`) or, for a territory's row, its own text. */
  readonly source: string;
}

export const NEF_NORTHUMBERLAND = 'nef-northumberland-2005';
const METHOD_ASSUMPTION = 'method-assumption';

/** Northumberland's published averages. */
export const NORTHUMBERLAND_LOCAL_RESPEND = 0.76;
export const NORTHUMBERLAND_NON_LOCAL_RESPEND = 0.36;

/** This method's range around a figure published without one: ±20 points, within 0–100 %. */
const ASSUMED_RANGE_POINTS = 0.2;

const clip = (share: number) => Math.min(1, Math.max(0, share));
const roundShare = (share: number) => Math.round(share * 1e6) / 1e6;

function aroundPublished(central: number): RespendDefault {
  return {
    central,
    low: roundShare(clip(central - ASSUMED_RANGE_POINTS)),
    high: roundShare(clip(central + ASSUMED_RANGE_POINTS)),
    centralBasis: 'published',
    rangeBasis: 'assumption',
    source: NEF_NORTHUMBERLAND,
  };
}

/**
 * Staff wages re-spent by staff living in the territory: no study gives it for French or UK public
 * bodies' staff, so half, with a wide range (20–80 %), is an assumption to replace with a surveyed value.
 */
const STAFF_ASSUMPTION: RespendDefault = {
  central: 0.5,
  low: 0.2,
  high: 0.8,
  centralBasis: 'assumption',
  rangeBasis: 'assumption',
  source: METHOD_ASSUMPTION,
};

/** The method's table: Northumberland's local average for every local group, its non-local one. */
export const METHOD_DEFAULTS: ReadonlyMap<DefaultRow, RespendDefault> = new Map<DefaultRow, RespendDefault>([
  ...RESPEND_GROUPS.map((group) => [group, aroundPublished(NORTHUMBERLAND_LOCAL_RESPEND)] as const),
  ['non-local', aroundPublished(NORTHUMBERLAND_NON_LOCAL_RESPEND)],
  ['staff', STAFF_ASSUMPTION],
]);

const GROUP_OF_TYPE: ReadonlyMap<string, RespendGroup> = new Map<string, RespendGroup>([
  ...SOCIAL_ECONOMY_TYPES.map((type) => [type, 'social-economy'] as const),
  ...SMALL_BUSINESS_TYPES.map((type) => [type, 'small-business'] as const),
  ['mid-size', 'large-business'],
  ['large', 'large-business'],
  ['public', 'public'],
  ['public-owned', 'public'],
]);

/** The defaults' group of a supplier type (`shared/domain/supplier-type.ts`): companies of unknown size and unknown types together. */
export function respendGroupOf(type: string): RespendGroup {
  return GROUP_OF_TYPE.get(type) ?? 'size-unknown';
}

/** A territory's replacement rows: its values for some rows, one source for them all. */
export interface DefaultsOverride {
  readonly source: string;
  readonly rows: ReadonlyMap<
    DefaultRow,
    { readonly central: number; readonly low: number; readonly high: number }
  >;
}

/** The table a report uses: the method's, with the territory's rows in place of the ones it gives. */
export function respendDefaults(override?: DefaultsOverride): ReadonlyMap<DefaultRow, RespendDefault> {
  if (!override) return METHOD_DEFAULTS;
  const table = new Map(METHOD_DEFAULTS);
  for (const [row, values] of override.rows) {
    table.set(row, {
      ...values,
      centralBasis: 'territory',
      rangeBasis: 'territory',
      source: override.source,
    });
  }
  return table;
}

/** The row of a table (every row is there: `respendDefaults` starts from the full method table). */
export function defaultFor(table: ReadonlyMap<DefaultRow, RespendDefault>, row: DefaultRow): RespendDefault {
  const found = table.get(row) ?? METHOD_DEFAULTS.get(row);
  if (!found) throw new Error(`no local re-spend default for "${row}"`);
  return found;
}
