import { estimateBytes, MAX_ITEM_ESTIMATE, utf8Bytes } from '../item-size.ts';
import { type SupplierRollup, UNCATEGORISED } from './supplier-rollup-record.ts';

type Bucket = SupplierRollup['byMonthCategory'][number];

/** A bucket's or a label's size beyond its texts: the list, its elements, the number. */
const ENTRY_BYTES = 24;

const bucketBytes = (month: string, category: string) => utf8Bytes(month) + utf8Bytes(category) + ENTRY_BYTES;

/**
 * A rollup that fits in one DynamoDB item. Its buckets grow with months × categories, and a category
 * may be a free-text label of up to `MAX_FIELD_LENGTH`: a file naming thousands of categories for
 * one supplier would pass the 400 KB limit and the file could never be recorded. Almost every
 * rollup is far below and is returned as it is. Otherwise the categories with the most money (in
 * absolute cents, then the first seen) are kept with their labels while they fit; the others' cents
 * are folded, month by month, into the uncategorised bucket — money is never dropped, and the
 * rollup says how many categories it folded. Uncategorised spend stays influenceable: the folded
 * spend is then neither excluded by its accounting code nor given a sector.
 */
export function boundRollup(rollup: SupplierRollup): SupplierRollup {
  if (quickUpperBound(rollup) <= MAX_ITEM_ESTIMATE || estimateBytes(rollup) <= MAX_ITEM_ESTIMATE)
    return rollup;
  const totals = new Map<string, { cents: number; first: number; bytes: number }>();
  const months = new Set<string>();
  rollup.byMonthCategory.forEach(([month, category, cents], at) => {
    months.add(month);
    const total = totals.get(category) ?? { cents: 0, first: at, bytes: 0 };
    total.cents += Math.abs(cents);
    total.bytes += bucketBytes(month, category);
    totals.set(category, total);
  });
  // Room kept for one uncategorised bucket per month, where the folded cents go.
  const folding = [...months].reduce((bytes, month) => bytes + bucketBytes(month, UNCATEGORISED), 0);
  let room =
    MAX_ITEM_ESTIMATE - estimateBytes({ ...rollup, byMonthCategory: [], categoryLabels: [] }) - folding;
  const labels = new Map(rollup.categoryLabels);
  const kept = new Set<string>([UNCATEGORISED]);
  const labelled = new Set<string>();
  const keepLabel = (category: string) => {
    const label = labels.get(category);
    if (label === undefined) return;
    const bytes = utf8Bytes(category) + utf8Bytes(label) + ENTRY_BYTES;
    if (bytes > room) return;
    room -= bytes;
    labelled.add(category);
  };
  keepLabel(UNCATEGORISED);
  let foldedCategories = 0;
  const ranked = [...totals].sort(([, a], [, b]) => b.cents - a.cents || a.first - b.first);
  for (const [category, total] of ranked) {
    if (category === UNCATEGORISED) continue;
    if (total.bytes > room) {
      foldedCategories += 1;
      continue;
    }
    room -= total.bytes;
    kept.add(category);
    keepLabel(category);
  }
  return {
    ...rollup,
    byMonthCategory: foldBuckets(rollup.byMonthCategory, kept),
    categoryLabels: rollup.categoryLabels.filter(([category]) => labelled.has(category)),
    ...(foldedCategories > 0 ? { foldedCategories } : {}),
  };
}

/** Room for the attribute names, numbers and dates of a rollup, far more than they take. */
const FIXED_BYTES = 2_000;

/**
 * A bound on a rollup's size from its texts' lengths alone (3 bytes per UTF-16 unit at most): every
 * rollup of every sensible file is settled by it, without walking the record (ingest makes one rollup
 * per buyer and supplier, up to hundreds of thousands per file).
 */
function quickUpperBound(rollup: SupplierRollup): number {
  const { supplier } = rollup;
  let units =
    rollup.anchorId.length +
    (rollup.anchorName?.length ?? 0) +
    supplier.key.length +
    supplier.name.length +
    (supplier.identifier?.value.length ?? 0) +
    (supplier.invalidIdentifier?.length ?? 0) +
    (supplier.localId?.length ?? 0) +
    (supplier.postcode?.length ?? 0) +
    (supplier.commune?.length ?? 0) +
    (supplier.communeCode?.length ?? 0) +
    (supplier.country?.length ?? 0);
  let bytes = FIXED_BYTES;
  for (const [month, category] of rollup.byMonthCategory) {
    units += month.length + category.length;
    bytes += ENTRY_BYTES;
  }
  for (const [category, label] of rollup.categoryLabels) {
    units += category.length + label.length;
    bytes += ENTRY_BYTES;
  }
  return bytes + 3 * units;
}

/** The buckets of kept categories as they are, the others added to their month's uncategorised one. */
function foldBuckets(buckets: readonly Bucket[], kept: ReadonlySet<string>): Bucket[] {
  const folded: Bucket[] = [];
  const uncategorised = new Map<string, Bucket>();
  for (const [month, category, cents] of buckets) {
    if (kept.has(category) && category !== UNCATEGORISED) {
      folded.push([month, category, cents]);
      continue;
    }
    const into = uncategorised.get(month);
    if (into) into[2] += cents;
    else {
      const bucket: Bucket = [month, UNCATEGORISED, cents];
      uncategorised.set(month, bucket);
      folded.push(bucket);
    }
  }
  return folded;
}
