import type { DatasetRecord } from '../dataset.ts';
import type { DatasetKind } from '../dataset-kind.ts';
import type { FrenchGeography } from '../geography/french-geography.ts';
import type { ExclusionRule } from '../influenceable.ts';
import type { SupplierRollup } from '../ingest/supplier-rollup.ts';
import { locateSupplier } from '../locality/locate-supplier.ts';
import { ringOfPlace } from '../locality/ring-of-place.ts';
import { formatCentsAsUnits } from '../money.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import { supplierTypeLabel } from '../supplier-type.ts';
import { ABROAD, bandLabel, type Territory, UNKNOWN } from '../territory/territory.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import { mergeRollups } from './merge-rollups.ts';
import { METHOD_VERSION, REPORT_SCHEMA_VERSION, type Report } from './report-schema.ts';
import { addCents, amountAndShare, shareOf } from './share.ts';

export interface ReportInput {
  readonly territory: Territory;
  readonly kind: DatasetKind;
  readonly language: 'fr' | 'en';
  readonly scope: { readonly type: 'consortium' } | { readonly type: 'anchor'; readonly anchorId: string };
  /** INGESTED datasets of this kind only: the caller never passes half-ingested data. */
  readonly datasets: readonly DatasetRecord[];
  readonly rollups: readonly SupplierRollup[];
  readonly geography: FrenchGeography;
  readonly exclusionRules: readonly ExclusionRule[];
  readonly generatedAt: Date;
}

export interface BuiltReport {
  readonly report: Report;
  readonly suppliers: readonly ClassifiedSupplier[];
}

const TOP_SUPPLIERS = 20;
const UNTYPED = { type: 'unknown', source: 'none' } as const;

/** Rollups ⋈ territory ⋈ geography → every figure of a report, from integer cents. O(suppliers). */
export function buildReport(input: ReportInput): BuiltReport {
  const { territory, kind, language } = input;
  const scoped = input.rollups.filter(
    (rollup) => input.scope.type === 'consortium' || rollup.anchorId === input.scope.anchorId,
  );
  const inScope = scoped.filter((rollup) => rollup.segment !== 'concession');
  const concessions = scoped.filter((rollup) => rollup.segment === 'concession');
  const merged = mergeRollups(inScope, kind, input.exclusionRules);
  const grantRules = new Set(
    input.exclusionRules.filter((rule) => rule.bucket === 'grants').map((rule) => rule.id),
  );

  const excludedByRule = new Map<string, number>();
  const suppliers: ClassifiedSupplier[] = [];
  for (const supplier of merged.values()) {
    let taken = 0;
    for (const [ruleId, cents] of supplier.excludedByRule) {
      addCents(excludedByRule, ruleId, cents);
      taken += cents;
    }
    const located = locateSupplier(supplier.identity, input.geography);
    const ring = ringOfPlace(located.place, territory, input.geography);
    suppliers.push({
      key: supplier.key,
      name: supplier.identity.name,
      identifier: supplier.identity.identifier?.value,
      postcode: supplier.identity.postcode,
      anchorIds: [...supplier.anchorIds].sort(),
      amountCents: supplier.amountCents,
      influenceableCents: supplier.amountCents - taken,
      lines: supplier.lines,
      ring: ring.ring,
      ringSource: located.source,
      ambiguous: ring.ambiguous,
      type: UNTYPED.type,
      typeSource: UNTYPED.source,
    });
  }
  suppliers.sort((a, b) => b.influenceableCents - a.influenceableCents || a.key.localeCompare(b.key));

  const grossCents = sum(suppliers.map((s) => s.amountCents));
  const grantsCents = sum([...excludedByRule].filter(([id]) => grantRules.has(id)).map(([, cents]) => cents));
  const excludedCents = sum(
    [...excludedByRule].filter(([id]) => !grantRules.has(id)).map(([, cents]) => cents),
  );
  const influenceableCents = grossCents - excludedCents - grantsCents;
  const named = suppliers.filter((s) => s.key !== UNDISCLOSED_SUPPLIER_KEY);

  const bands = [...territory.rings.map((ring) => ring.id), ABROAD, UNKNOWN];
  let cumulative = 0;
  const byRing = bands.map((band) => {
    const members = suppliers.filter((s) => s.ring === band);
    const cents = sum(members.map((s) => s.influenceableCents));
    cumulative += cents;
    return {
      ring: band,
      label: bandLabel(territory, band, language),
      ...amountAndShare(cents, influenceableCents),
      cumulativeShare: shareOf(cumulative, influenceableCents),
      suppliers: members.filter((s) => s.key !== UNDISCLOSED_SUPPLIER_KEY).length,
      ambiguousAmount: formatCentsAsUnits(
        sum(members.filter((s) => s.ambiguous).map((s) => s.influenceableCents)),
      ),
    };
  });
  const localIndex = bands.indexOf(territory.localRing);
  const localCents = sum(
    suppliers.filter((s) => bands.indexOf(s.ring) <= localIndex).map((s) => s.influenceableCents),
  );
  const unknownCents = sum(suppliers.filter((s) => s.ring === UNKNOWN).map((s) => s.influenceableCents));

  const typeCents = new Map<string, number>();
  const typeSuppliers = new Map<string, number>();
  const typeSourceCents = new Map<string, number>();
  const localitySourceCents = new Map<string, number>();
  for (const s of suppliers) {
    addCents(typeCents, s.type, s.influenceableCents);
    if (s.key !== UNDISCLOSED_SUPPLIER_KEY) addCents(typeSuppliers, s.type, 1);
    addCents(typeSourceCents, s.typeSource, s.influenceableCents);
    addCents(localitySourceCents, s.ringSource, s.influenceableCents);
  }
  const typedCents = sum(suppliers.filter((s) => s.type !== 'unknown').map((s) => s.influenceableCents));

  const anchorNames = new Map(territory.anchors.map((anchor) => [anchor.id, anchor.name]));
  const anchorTotals = new Map<string, { name: string; cents: number; lines: number }>();
  for (const rollup of inScope) {
    const entry = anchorTotals.get(rollup.anchorId) ?? {
      name: anchorNames.get(rollup.anchorId) ?? rollup.anchorName ?? rollup.anchorId,
      cents: 0,
      lines: 0,
    };
    entry.cents += rollup.amountCents;
    entry.lines += rollup.lines;
    anchorTotals.set(rollup.anchorId, entry);
  }

  const periodFroms = input.datasets.flatMap((d) => (d.periodFrom ? [d.periodFrom] : [])).sort();
  const periodTos = input.datasets.flatMap((d) => (d.periodTo ? [d.periodTo] : [])).sort();
  const currency = input.datasets[0]?.currency ?? territory.currency;

  const report: Omit<Report, 'concessions'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    methodVersion: METHOD_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    kind,
    currency,
    language,
    territory: { id: territory.id, name: territory.name, localRing: territory.localRing },
    scope:
      input.scope.type === 'anchor'
        ? { type: 'anchor', anchorId: input.scope.anchorId }
        : { type: 'consortium' },
    period: { from: periodFroms[0] ?? null, to: periodTos.at(-1) ?? null },
    anchors: [...anchorTotals]
      .sort(([, a], [, b]) => b.cents - a.cents)
      .map(([id, entry]) => ({
        id,
        name: entry.name,
        amount: formatCentsAsUnits(entry.cents),
        lines: entry.lines,
      })),
    datasets: input.datasets.map((dataset) => ({
      id: dataset.id,
      file: dataset.fileName,
      ...(dataset.contentSha256 ? { sha256: dataset.contentSha256 } : {}),
      ...(dataset.format ? { format: dataset.format } : {}),
      ...(dataset.encoding ? { encoding: dataset.encoding } : {}),
      lines: dataset.lines,
      rejectedLines: dataset.rejectedLines,
      amount: formatCentsAsUnits(dataset.amountCents),
      ...(dataset.periodFrom ? { periodFrom: dataset.periodFrom } : {}),
      ...(dataset.periodTo ? { periodTo: dataset.periodTo } : {}),
    })),
    totals: {
      gross: formatCentsAsUnits(grossCents),
      influenceable: formatCentsAsUnits(influenceableCents),
      excluded: formatCentsAsUnits(excludedCents),
      grants: formatCentsAsUnits(grantsCents),
      lines: sum(inScope.map((rollup) => rollup.lines)),
      rejectedLines: sum(input.datasets.map((d) => d.rejectedLines)),
      suppliers: named.length,
    },
    headline: {
      localRing: territory.localRing,
      localAmount: formatCentsAsUnits(localCents),
      localShare: shareOf(localCents, influenceableCents),
      knownLocalityShare: shareOf(influenceableCents - unknownCents, influenceableCents),
    },
    byRing,
    bySupplierType: [...typeCents].map(([type, cents]) => ({
      type,
      label: supplierTypeLabel(type, language),
      ...amountAndShare(cents, influenceableCents),
      suppliers: typeSuppliers.get(type) ?? 0,
    })),
    topSuppliers: named.slice(0, TOP_SUPPLIERS).map((s) => ({
      key: s.key,
      name: s.name,
      ...amountAndShare(s.influenceableCents, influenceableCents),
      lines: s.lines,
      ring: s.ring,
      type: s.type,
    })),
    coverage: {
      locality: {
        knownShare: shareOf(influenceableCents - unknownCents, influenceableCents),
        ambiguousAmount: formatCentsAsUnits(
          sum(suppliers.filter((s) => s.ambiguous).map((s) => s.influenceableCents)),
        ),
        bySource: [...localitySourceCents].map(([source, cents]) => ({
          source,
          ...amountAndShare(cents, influenceableCents),
        })),
      },
      supplierType: {
        knownShare: shareOf(typedCents, influenceableCents),
        bySource: [...typeSourceCents].map(([source, cents]) => ({
          source,
          ...amountAndShare(cents, influenceableCents),
        })),
      },
    },
    exclusionRules: input.exclusionRules
      .filter((rule) => rule.kinds.includes(kind))
      .map((rule) => ({
        id: rule.id,
        label: rule.label[language],
        amount: formatCentsAsUnits(excludedByRule.get(rule.id) ?? 0),
      })),
  };
  return {
    report: {
      ...report,
      concessions: {
        amount: formatCentsAsUnits(sum(concessions.map((rollup) => rollup.amountCents))),
        lines: sum(concessions.map((rollup) => rollup.lines)),
        concessionaires: new Set(concessions.map((rollup) => rollup.supplier.key)).size,
      },
    },
    suppliers,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
