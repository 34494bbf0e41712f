import type { SupplierRollup } from '../ingest/supplier-rollup-record.ts';
import { formatCentsAsUnits, unitsAsCents } from '../money.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import type { SupplierProfile } from '../supplier-profile.ts';
import { naturalPersonReason } from '../typing/natural-person.ts';
import type { BuiltReport } from './build-report.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import type { Report } from './report-schema.ts';
import { shareOf } from './share.ts';

/** The key of the line that stands for natural persons: a name key would carry their names. */
export const NATURAL_PERSONS_KEY = 'natural-persons';

const LABEL = { fr: 'Personnes physiques', en: 'Natural persons' } as const;

export const naturalPersonsLabel = (language: 'fr' | 'en', count?: number): string =>
  count === undefined ? LABEL[language] : `${LABEL[language]} (${count})`;

/**
 * The suppliers of a report that are natural persons, by key: from what the registry, the directory
 * or a correction says, and from every name they go by (the files' and the profile's).
 */
export function naturalPersonKeys(input: {
  readonly suppliers: readonly ClassifiedSupplier[];
  readonly rollups: readonly SupplierRollup[];
  readonly profiles: ReadonlyMap<string, SupplierProfile>;
}): Set<string> {
  const fileNames = new Map<string, Set<string>>();
  for (const rollup of input.rollups) {
    const names = fileNames.get(rollup.supplier.key) ?? new Set<string>();
    names.add(rollup.supplier.name);
    fileNames.set(rollup.supplier.key, names);
  }
  const keys = new Set<string>();
  for (const supplier of input.suppliers) {
    // The undisclosed supplier is never named: it is its own line, persons and firms alike.
    if (supplier.key === UNDISCLOSED_SUPPLIER_KEY) continue;
    const names = [supplier.name, ...(fileNames.get(supplier.key) ?? [])];
    if (naturalPersonReason({ names, profile: input.profiles.get(supplier.key) })) keys.add(supplier.key);
  }
  return keys;
}

type NamedEntry = Record<string, unknown> & {
  readonly key: string;
  readonly name: string;
  readonly amount: number;
};

/** A value the merged entries do not share: blank rather than one person's. */
function blankLike(value: unknown): unknown {
  if (typeof value === 'string') return '';
  if (typeof value === 'boolean') return false;
  if (typeof value === 'number') return 0;
  return undefined;
}

/** One entry for several: each field they all share kept, the others blanked. */
function shared<T extends Record<string, unknown>>(entries: readonly [T, ...T[]]): T {
  const [first] = entries;
  const merged: Record<string, unknown> = { ...first };
  for (const [field, value] of Object.entries(first)) {
    if (entries.some((entry) => entry[field] !== value)) merged[field] = blankLike(value);
  }
  return merged as T;
}

/**
 * A list of named entries with the natural persons taken out and put back as one line, at the rank
 * of its amount: the same money, no name, key, identifier or postcode.
 */
function maskList<T extends NamedEntry>(
  entries: readonly T[],
  persons: ReadonlySet<string>,
  combine: (removed: readonly [T, ...T[]]) => Partial<T>,
  language: 'fr' | 'en',
): T[] {
  const kept = entries.filter((entry) => !persons.has(entry.key));
  const [first, ...rest] = entries.filter((entry) => persons.has(entry.key));
  if (!first) return kept;
  const removed: [T, ...T[]] = [first, ...rest];
  const line: T = {
    ...shared(removed),
    key: NATURAL_PERSONS_KEY,
    name: naturalPersonsLabel(language, removed.length),
    ...combine(removed),
  };
  // Stable: entries of equal amount keep the order the report gave them.
  return [...kept, line].sort((a, b) => b.amount - a.amount);
}

const sumCents = (entries: readonly { amount: number }[]) =>
  entries.reduce((cents, entry) => cents + unitsAsCents(entry.amount), 0);

function maskReport(report: Report, persons: ReadonlySet<string>, names: ReadonlySet<string>): Report {
  const { language } = report;
  const whole = unitsAsCents(report.totals.influenceable);
  const added = <T extends { amount: number; share: number }>(removed: readonly T[]) => {
    const cents = sumCents(removed);
    return { amount: formatCentsAsUnits(cents), share: shareOf(cents, whole) } as Partial<T>;
  };
  const addedWithLines = <T extends { amount: number; share: number; lines: number }>(
    removed: readonly T[],
  ) =>
    ({
      ...added(removed),
      lines: removed.reduce<number>((lines, entry) => lines + entry.lines, 0),
    }) as Partial<T>;
  const label = naturalPersonsLabel(language);
  return {
    ...report,
    topSuppliers: maskList(report.topSuppliers, persons, addedWithLines, language),
    cooperatives: maskList(report.cooperatives, persons, added, language),
    unmatchedSuppliers: maskList(report.unmatchedSuppliers, persons, addedWithLines, language),
    leakage: {
      ...report.leakage,
      topSuppliers: maskList(report.leakage.topSuppliers, persons, added, language),
    },
    // Examples are names without keys: a person's name gives way to the label, once.
    opportunities: report.opportunities.map((opportunity) => ({
      ...opportunity,
      examples: [...new Set(opportunity.examples.map((name) => (names.has(name) ? label : name)))],
    })),
    dataQuality: {
      ...report.dataQuality,
      // The largest single payment made to one of them, as the list is of single payments.
      largestLines: maskList(
        report.dataQuality.largestLines,
        persons,
        (removed) => ({ amount: Math.max(...removed.map((line) => line.amount)) }),
        language,
      ),
    },
  };
}

/**
 * Natural persons in the suppliers list, one line for each group of equal ring, type and sources:
 * a spreadsheet summing suppliers.csv by ring or type gets the report's figures, names aside.
 */
function maskSuppliers(
  suppliers: readonly ClassifiedSupplier[],
  persons: ReadonlySet<string>,
  language: 'fr' | 'en',
): ClassifiedSupplier[] {
  const groups = new Map<string, ClassifiedSupplier[]>();
  for (const supplier of suppliers.filter((s) => persons.has(s.key))) {
    const group = [
      supplier.ring,
      supplier.ringSource,
      supplier.ambiguous,
      supplier.headOfficeRing,
      supplier.headOfficeSource,
      supplier.type,
      supplier.typeSource,
      supplier.matched,
    ].join('\u0000');
    groups.set(group, [...(groups.get(group) ?? []), supplier]);
  }
  const lines = [...groups.values()].flatMap((members, index) => {
    const [first] = members;
    if (!first) return [];
    const line: ClassifiedSupplier = {
      ...first,
      key: groups.size > 1 ? `${NATURAL_PERSONS_KEY}:${index + 1}` : NATURAL_PERSONS_KEY,
      name: naturalPersonsLabel(language, members.length),
      identifier: undefined,
      postcode: undefined,
      anchorIds: [...new Set(members.flatMap((member) => member.anchorIds))].sort(),
      amountCents: members.reduce((cents, member) => cents + member.amountCents, 0),
      influenceableCents: members.reduce((cents, member) => cents + member.influenceableCents, 0),
      lines: members.reduce((count, member) => count + member.lines, 0),
      typeDetail: members.every((member) => member.typeDetail === first.typeDetail)
        ? first.typeDetail
        : undefined,
    };
    return [line];
  });
  return [...suppliers.filter((s) => !persons.has(s.key)), ...lines].sort(
    (a, b) => b.influenceableCents - a.influenceableCents || a.key.localeCompare(b.key),
  );
}

/**
 * The report as published: natural persons never named (nor their key, identifier or postcode), in
 * one line per list, "Personnes physiques (n)"; every total and breakdown as built (GDPR; see
 * docs/method.md, "Natural persons"). Lists may hold fewer lines than before, never other suppliers.
 */
export function maskNaturalPersons(built: BuiltReport, persons: ReadonlySet<string>): BuiltReport {
  if (persons.size === 0) return built;
  const names = new Set(built.suppliers.filter((s) => persons.has(s.key)).map((s) => s.name));
  return {
    report: maskReport(built.report, persons, names),
    suppliers: maskSuppliers(built.suppliers, persons, built.report.language),
  };
}
