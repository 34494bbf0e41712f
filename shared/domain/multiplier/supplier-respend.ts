import { CentsAccumulator } from './cents-times.ts';
import { type DefaultRow, defaultFor, type RespendDefault, respendGroupOf } from './respend-defaults.ts';
import { type AcceptedAnswer, localRespendShare } from './survey-answer.ts';

/** Where a supplier's establishment is, against the territory's local ring. Unknown is neither. */
export type SupplierLocality = 'local' | 'outside' | 'unknown';

/** A classified supplier as the multiplier sees it. */
export interface MultiplierSupplier {
  readonly key: string;
  /** Its report type (`shared/domain/supplier-type.ts`), which picks its default's group. */
  readonly type: string;
  readonly influenceableCents: number;
  readonly locality: SupplierLocality;
}

/** A central value with the low and high that the defaults' ranges give. */
export interface Ranged<T> {
  readonly central: T;
  readonly low: T;
  readonly high: T;
}

/** One row of the defaults table as used: the spend it stood for, and for how many suppliers. */
export interface DefaultUse {
  readonly row: DefaultRow;
  readonly value: RespendDefault;
  readonly cents: number;
  readonly suppliers: number;
}

/** What a set of suppliers (the local ones, or the non-local ones) re-spend in the territory. */
export interface SupplierRespend {
  /** Their spend, all of it, and the part paid to suppliers that answered. */
  readonly cents: number;
  readonly answeredCents: number;
  /** Of spend with suppliers paid more than they refunded: what coverage is measured on. */
  readonly positiveCents: number;
  readonly positiveAnsweredCents: number;
  readonly answers: number;
  /** Re-spent locally: by those that answered (their own figures), by the others (defaults). */
  readonly answeredRespendCents: number;
  readonly defaultRespendCents: Ranged<number>;
  readonly defaultsUsed: readonly DefaultUse[];
}

/**
 * The local re-spend of suppliers: each answered supplier's spend × its own local re-spend share,
 * each other's × its group's default (or, outside the territory, the non-local default), summed exactly
 * (`CentsAccumulator`); the low and high totals take every default at its low or high, answers fixed.
 */
export function supplierRespend(
  suppliers: readonly MultiplierSupplier[],
  answers: ReadonlyMap<string, AcceptedAnswer>,
  table: ReadonlyMap<DefaultRow, RespendDefault>,
  rowOf: (supplier: MultiplierSupplier) => DefaultRow,
): SupplierRespend {
  let cents = 0;
  let answeredCents = 0;
  let positiveCents = 0;
  let positiveAnsweredCents = 0;
  let answerCount = 0;
  const answered = new CentsAccumulator();
  const central = new CentsAccumulator();
  const low = new CentsAccumulator();
  const high = new CentsAccumulator();
  const uses = new Map<DefaultRow, { cents: number; suppliers: number }>();
  for (const supplier of suppliers) {
    const amount = supplier.influenceableCents;
    cents += amount;
    if (amount > 0) positiveCents += amount;
    const answer = answers.get(supplier.key);
    if (answer) {
      answerCount++;
      answeredCents += amount;
      if (amount > 0) positiveAnsweredCents += amount;
      answered.add(amount, localRespendShare(answer.answer));
      continue;
    }
    const row = rowOf(supplier);
    const value = defaultFor(table, row);
    central.add(amount, value.central);
    low.add(amount, value.low);
    high.add(amount, value.high);
    const use = uses.get(row) ?? { cents: 0, suppliers: 0 };
    use.cents += amount;
    use.suppliers++;
    uses.set(row, use);
  }
  return {
    cents,
    answeredCents,
    positiveCents,
    positiveAnsweredCents,
    answers: answerCount,
    answeredRespendCents: answered.cents(),
    defaultRespendCents: { central: central.cents(), low: low.cents(), high: high.cents() },
    defaultsUsed: [...uses].map(([row, use]) => ({ row, value: defaultFor(table, row), ...use })),
  };
}

/** Local suppliers take their type's group; suppliers outside the territory the non-local default. */
export const localRowOf = (supplier: MultiplierSupplier): DefaultRow => respendGroupOf(supplier.type);
export const nonLocalRowOf = (): DefaultRow => 'non-local';
