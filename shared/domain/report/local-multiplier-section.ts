import type { DatasetKind } from '../dataset-kind.ts';
import { formatCentsAsUnits } from '../money.ts';
import { localMultiplier, MIN_ANSWERS_PUBLISHED } from '../multiplier/local-multiplier.ts';
import { defaultsOverrideOf } from '../multiplier/multiplier-config.ts';
import { DEFAULT_ROWS, defaultFor, respendDefaults } from '../multiplier/respend-defaults.ts';
import { statedInputsFor } from '../multiplier/stated-inputs.ts';
import type { MultiplierSupplier } from '../multiplier/supplier-respend.ts';
import type { AcceptedAnswer } from '../multiplier/survey-answer.ts';
import { type Territory, UNKNOWN } from '../territory/territory.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import type { LocalMultiplierSection } from './local-multiplier-schema.ts';
import { localRings } from './local-rings.ts';

export interface MultiplierSectionInput {
  readonly territory: Territory;
  readonly kind: DatasetKind;
  readonly suppliers: readonly ClassifiedSupplier[];
  readonly answers: ReadonlyMap<string, AcceptedAnswer>;
  readonly influenceableCents: number;
  /** The anchors whose spend the report counts: its anchor, or every buyer of a consortium report. */
  readonly anchorIds: readonly string[];
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly localityMeasurable: boolean;
}

const units = formatCentsAsUnits;

/** The report's `localMultiplier` section, from its classified suppliers (establishment view). */
export function localMultiplierSection(input: MultiplierSectionInput): LocalMultiplierSection {
  const config = input.territory.multiplier;
  const local = localRings(input.territory);
  const suppliers: MultiplierSupplier[] = input.suppliers.map((supplier) => ({
    key: supplier.key,
    type: supplier.type,
    influenceableCents: supplier.influenceableCents,
    locality: supplier.ring === UNKNOWN ? 'unknown' : local.has(supplier.ring) ? 'local' : 'outside',
  }));
  // Contract values are notified over several years: no year's staff costs sit beside them.
  const contracts = input.kind === 'contracts';
  const selection = statedInputsFor(contracts ? undefined : config, input.anchorIds, input.period);
  const table = respendDefaults(defaultsOverrideOf(config));
  const result = localMultiplier({
    suppliers,
    answers: input.answers,
    influenceableCents: input.influenceableCents,
    base: contracts ? 'influenceable' : (config?.base ?? 'influenceable'),
    anchorIds: input.anchorIds,
    stated: selection.used,
    defaults: table,
    scenarioShift: config?.scenarioShift ?? 0.1,
    localityMeasurable: input.localityMeasurable,
    minAnswers: MIN_ANSWERS_PUBLISHED,
  });
  const reason = contracts ? 'contracts' : result.reason;
  const uses = new Map(result.defaultsUsed.map((use) => [use.row, use]));
  return {
    reason,
    baseAsked: config?.base ?? 'influenceable',
    base: result.base,
    year: selection.year,
    rounds: {
      r1: {
        total: units(result.r1.totalCents),
        spend: units(result.r1.spendCents),
        staff: units(result.r1.staffCents),
      },
      r2: {
        total: units(result.r2.totalCents),
        suppliers: units(result.r2.suppliersCents),
        staff: units(result.r2.staffCents),
      },
      r3: {
        total: units(result.r3.totalCents),
        answered: units(result.r3.answeredCents),
        defaults: units(result.r3.defaultCents),
        staff: units(result.r3.staffCents),
        low: units(result.r3Range.low),
        high: units(result.r3Range.high),
      },
    },
    lm3: reason === null ? result.lm3 : null,
    coverage: result.coverage,
    answersUsed: result.answers,
    answersWithheld: result.answersWithheld,
    minimumAnswers: MIN_ANSWERS_PUBLISHED,
    perLocal: result.perLocal,
    perOutside: result.perOutside,
    nonLocalAmount: units(result.nonLocalCents),
    unknownLocalityAmount: units(result.unknownLocalityCents),
    defaults: DEFAULT_ROWS.map((row) => {
      const value = defaultFor(table, row);
      const use = uses.get(row);
      return {
        row,
        central: value.central,
        low: value.low,
        high: value.high,
        centralBasis: value.centralBasis,
        rangeBasis: value.rangeBasis,
        source: value.source,
        amount: units(use?.cents ?? 0),
        suppliers: use?.suppliers ?? 0,
      };
    }),
    stated: result.stated.map((stated) => ({
      anchorId: stated.anchorId,
      year: stated.year,
      totalExpenditure:
        stated.totalExpenditureCents === undefined ? null : units(stated.totalExpenditureCents),
      staffCosts: stated.staffCostsCents === undefined ? null : units(stated.staffCostsCents),
      localStaffShare: stated.localStaffShare ?? null,
      source: stated.source,
      asOf: stated.asOf,
    })),
    statedNotUsed: [...selection.notUsed],
    scenario:
      reason === null && result.scenario
        ? {
            shift: result.scenario.shift,
            nonLocalAmount: units(result.scenario.nonLocalCents),
            shiftedAmount: units(result.scenario.shiftedCents),
            perLocal: result.scenario.perLocal,
            perOutside: result.scenario.perOutside,
            difference: result.scenario.difference,
            addedAmount: units(result.scenario.addedCents),
          }
        : null,
  };
}
