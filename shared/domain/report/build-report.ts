import type { DatasetRecord } from '../dataset.ts';
import type { DatasetKind } from '../dataset-kind.ts';
import type { FrenchGeography } from '../geography/french-geography.ts';
import type { ExclusionRule } from '../influenceable.ts';
import type { SupplierRollup } from '../ingest/supplier-rollup-record.ts';
import { formatCentsAsUnits } from '../money.ts';
import type { AcceptedAnswer } from '../multiplier/survey-answer.ts';
import { UNDATED_MONTH } from '../spend-line.ts';
import { supplierCount } from '../supplier-count.ts';
import { UNDISCLOSED_SUPPLIER_KEY } from '../supplier-key.ts';
import type { SupplierProfile } from '../supplier-profile.ts';
import { supplierTypeLabel } from '../supplier-type.ts';
import { type Territory, UNKNOWN } from '../territory/territory.ts';
import { countsForAnchor } from '../territory/upload-rights.ts';
import { classifyAnchor } from '../typing/classify-anchor.ts';
import { buyerName } from './buyer-name.ts';
import type { ClassifiedSupplier } from './classified-supplier.ts';
import { classifySuppliers } from './classify-suppliers.ts';
import { localMultiplierSection } from './local-multiplier-section.ts';
import { localRings } from './local-rings.ts';
import { isMeasurable, MIN_KNOWN_SHARE } from './measurability.ts';
import { mergeRollups } from './merge-rollups.ts';
import { overlappingDatasets } from './overlaps.ts';
import { anchorComparisonOf, concentrationOf, targetsOf, trendOf } from './period-metrics.ts';
import {
  addReconciliations,
  datasetsNotCounted,
  reconciliationOf,
  reportReconciliation,
} from './reconciliation-metrics.ts';
import { type RegisterInput, registerSummary } from './register-summary.ts';
import { METHOD_VERSION, REPORT_SCHEMA_VERSION, type Report } from './report-schema.ts';
import { ringBands } from './ring-bands.ts';
import { nafDivisionOf, sectorMetrics } from './sector-metrics.ts';
import { sectorSchemeOf } from './sectors.ts';
import { addCents, amountAndShare, shareOf } from './share.ts';
import { smallBusinessesOf, socialEconomyOf } from './to-whom.ts';
import { trendComparisonOf } from './trend-comparison.ts';
import { uploadedBy } from './uploaded-by.ts';

export interface ReportInput {
  readonly territory: Territory;
  readonly kind: DatasetKind;
  readonly language: 'fr' | 'en';
  readonly scope: { readonly type: 'consortium' } | { readonly type: 'anchor'; readonly anchorId: string };
  /** INGESTED datasets of this kind only: the caller never passes half-ingested data. */
  readonly datasets: readonly DatasetRecord[];
  /** Datasets of this kind read but not counted (the same bytes again, or superseded), to name them. */
  readonly notCounted?: readonly DatasetRecord[] | undefined;
  /** Supplier profiles by supplier key (registry, directory, overrides); may be empty. */
  readonly profiles: ReadonlyMap<string, SupplierProfile>;
  readonly geography: FrenchGeography;
  readonly exclusionRules: readonly ExclusionRule[];
  readonly generatedAt: Date;
  /** Each counted dataset's rollups: who uploaded a line decides the reports it counts in. */
  readonly rollupsByDataset: ReadonlyMap<string, readonly SupplierRollup[]>;
  /** Active establishments per NAF division in the local rings' communes, when a registry is loaded. */
  readonly localEstablishments?: ReadonlyMap<string, number> | undefined;
  /** The register's refresh and lookups, stated in the coverage section. */
  readonly register?: RegisterInput | undefined;
  /**
   * Accepted supplier-survey answers by supplier key, already chosen for the scope by the caller (an
   * anchor's own surveys; every anchor's, latest per supplier, for the consortium). Absent: none.
   */
  readonly surveyAnswers?: ReadonlyMap<string, AcceptedAnswer> | undefined;
}

export interface BuiltReport {
  readonly report: Report;
  readonly suppliers: readonly ClassifiedSupplier[];
}

const TOP_SUPPLIERS = 20;

/** Where an anchor's own registry facts are: anchors are French public bodies identified by SIRET or SIREN. */
export function anchorProfileKey(anchorId: string): string {
  if (/^\d{14}$/.test(anchorId)) return `siret:${anchorId}`;
  if (/^\d{9}$/.test(anchorId)) return `siren:${anchorId}`;
  return `anchor:${anchorId}`;
}

/** What a report counts: the datasets, their rollups in scope, and the datasets read but not counted. */
interface InScope {
  readonly datasets: readonly DatasetRecord[];
  /** By dataset, the rollups counted. */
  readonly rollups: ReadonlyMap<string, readonly SupplierRollup[]>;
  readonly notCounted: readonly DatasetRecord[];
}

/**
 * The consortium's report counts every counted dataset. An anchor's counts the lines naming it or one
 * of its satellites from datasets uploaded by one who may upload for them (docs/security.md,
 * "Tenants"), and lists those datasets and its own uploads: never another institution's file that
 * brings it nothing.
 */
function scopeOf(input: ReportInput): InScope {
  const { scope, territory } = input;
  if (scope.type === 'consortium') {
    return {
      datasets: input.datasets,
      rollups: new Map(input.datasets.map((d) => [d.id, input.rollupsByDataset.get(d.id) ?? []])),
      notCounted: input.notCounted ?? [],
    };
  }
  const datasets: DatasetRecord[] = [];
  const rollups = new Map<string, readonly SupplierRollup[]>();
  for (const dataset of input.datasets) {
    const line = (rollup: SupplierRollup) => ({ uploaderId: dataset.anchorId, buyerId: rollup.anchorId });
    const counted = (input.rollupsByDataset.get(dataset.id) ?? []).filter((rollup) =>
      countsForAnchor(territory, scope.anchorId, line(rollup)),
    );
    if (counted.length === 0 && dataset.anchorId !== scope.anchorId) continue;
    datasets.push(dataset);
    rollups.set(dataset.id, counted);
  }
  const notCounted = (input.notCounted ?? []).filter((dataset) => dataset.anchorId === scope.anchorId);
  return { datasets, rollups, notCounted };
}

/** Gross spend of lines counted without a readable date. */
function undatedCents(rollups: readonly SupplierRollup[]): number {
  let cents = 0;
  for (const rollup of rollups) {
    for (const [month, , amount] of rollup.byMonthCategory) if (month === UNDATED_MONTH) cents += amount;
  }
  return cents;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};

/** Rollups ⋈ profiles ⋈ territory ⋈ geography → every figure of a report, from integer cents. O(suppliers). */
export function buildReport(input: ReportInput): BuiltReport {
  const { territory, kind, language } = input;
  const inScope = scopeOf(input);
  const scoped = [...inScope.rollups.values()].flat();
  const purchases = scoped.filter((rollup) => rollup.segment !== 'concession');
  const concessions = scoped.filter((rollup) => rollup.segment === 'concession');
  const scheme = sectorSchemeOf(kind, inScope.datasets[0]?.currency ?? territory.currency);
  const merged = mergeRollups(purchases, kind, input.exclusionRules, scheme);
  const suppliers = classifySuppliers(merged.values(), input.profiles, territory, input.geography);

  const excludedByRule = new Map<string, number>();
  for (const supplier of merged.values()) {
    for (const [ruleId, cents] of supplier.excludedByRule) addCents(excludedByRule, ruleId, cents);
  }
  const grantRules = new Set(
    input.exclusionRules.filter((rule) => rule.bucket === 'grants').map((rule) => rule.id),
  );
  const grossCents = sum(suppliers.map((s) => s.amountCents));
  const grantsCents = sum([...excludedByRule].filter(([id]) => grantRules.has(id)).map(([, cents]) => cents));
  const excludedCents = sum(
    [...excludedByRule].filter(([id]) => !grantRules.has(id)).map(([, cents]) => cents),
  );
  const influenceableCents = grossCents - excludedCents - grantsCents;
  const named = suppliers.filter((s) => s.key !== UNDISCLOSED_SUPPLIER_KEY);

  const establishment = ringBands(suppliers, 'establishment', territory, language, influenceableCents);
  const headOffice = ringBands(suppliers, 'headOffice', territory, language, influenceableCents);

  const typeCents = new Map<string, number>();
  const typeSuppliers = new Map<string, number>();
  const typeSourceCents = new Map<string, number>();
  for (const s of suppliers) {
    addCents(typeCents, s.type, s.influenceableCents);
    if (s.key !== UNDISCLOSED_SUPPLIER_KEY) addCents(typeSuppliers, s.type, 1);
    addCents(typeSourceCents, s.typeSource, s.influenceableCents);
  }
  const typedCents = sum(suppliers.filter((s) => s.type !== 'unknown').map((s) => s.influenceableCents));

  const anchorNames = new Map(territory.anchors.map((anchor) => [anchor.id, anchor.name]));
  const anchorTypes = new Map(
    territory.anchors.flatMap((anchor) => (anchor.type ? [[anchor.id, anchor.type] as const] : [])),
  );
  const anchorTotals = new Map<string, { name: string; cents: number; lines: number }>();
  for (const rollup of purchases) {
    const entry = anchorTotals.get(rollup.anchorId) ?? {
      name: buyerName(rollup.anchorId, anchorNames.get(rollup.anchorId), rollup.anchorName),
      cents: 0,
      lines: 0,
    };
    entry.cents += rollup.amountCents;
    entry.lines += rollup.lines;
    anchorTotals.set(rollup.anchorId, entry);
  }

  const periodFroms = inScope.datasets.flatMap((d) => (d.periodFrom ? [d.periodFrom] : [])).sort();
  const periodTos = inScope.datasets.flatMap((d) => (d.periodTo ? [d.periodTo] : [])).sort();
  const knownShare = (unknownCents: number) => shareOf(influenceableCents - unknownCents, influenceableCents);

  const local = localRings(territory);
  const measurable = isMeasurable(knownShare(establishment.unknownCents), influenceableCents);
  const sectors = sectorMetrics({
    suppliers,
    merged,
    local,
    scheme,
    language,
    influenceableCents,
    activityOf: (key) => nafDivisionOf(input.profiles.get(key)?.activity?.value),
    localEstablishments: input.localEstablishments,
  });
  const anchors = [...anchorTotals]
    .sort(([, a], [, b]) => b.cents - a.cents)
    .map(([id, entry]) => ({
      id,
      name: entry.name,
      type:
        anchorTypes.get(id) ??
        classifyAnchor(input.profiles.get(anchorProfileKey(id))?.legalCategory?.value, entry.name),
      amount: formatCentsAsUnits(entry.cents),
      lines: entry.lines,
    }));

  const period = { from: periodFroms[0] ?? null, to: periodTos.at(-1) ?? null };
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    methodVersion: METHOD_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    kind,
    currency: inScope.datasets[0]?.currency ?? territory.currency,
    language,
    territory: { id: territory.id, name: territory.name, localRing: territory.localRing },
    scope:
      input.scope.type === 'anchor'
        ? { type: 'anchor', anchorId: input.scope.anchorId }
        : { type: 'consortium' },
    period,
    anchors,
    datasets: inScope.datasets.map((dataset) => ({
      id: dataset.id,
      file: dataset.fileName,
      uploadedBy: uploadedBy(dataset, territory, language),
      ...(dataset.contentSha256 ? { sha256: dataset.contentSha256 } : {}),
      ...(dataset.format ? { format: dataset.format } : {}),
      ...(dataset.encoding ? { encoding: dataset.encoding } : {}),
      lines: dataset.lines,
      rejectedLines: dataset.rejectedLines,
      amount: formatCentsAsUnits(dataset.amountCents),
      ...(dataset.periodFrom ? { periodFrom: dataset.periodFrom } : {}),
      ...(dataset.periodTo ? { periodTo: dataset.periodTo } : {}),
      reconciliation: reportReconciliation(reconciliationOf(dataset), language),
    })),
    totals: {
      gross: formatCentsAsUnits(grossCents),
      influenceable: formatCentsAsUnits(influenceableCents),
      excluded: formatCentsAsUnits(excludedCents),
      grants: formatCentsAsUnits(grantsCents),
      lines: sum(purchases.map((rollup) => rollup.lines)),
      rejectedLines: sum(inScope.datasets.map((d) => d.rejectedLines)),
      suppliers: supplierCount(purchases),
    },
    headline: {
      localRing: territory.localRing,
      localAmount: formatCentsAsUnits(establishment.localCents),
      localShare: shareOf(establishment.localCents, influenceableCents),
      knownLocalityShare: knownShare(establishment.unknownCents),
      measurable,
      minimumKnownShare: MIN_KNOWN_SHARE,
      ambiguousAmount: formatCentsAsUnits(establishment.ambiguousCents),
      unknownAmount: formatCentsAsUnits(establishment.unknownCents),
      headOffice: {
        localAmount: formatCentsAsUnits(headOffice.localCents),
        localShare: shareOf(headOffice.localCents, influenceableCents),
        knownLocalityShare: knownShare(headOffice.unknownCents),
        measurable: isMeasurable(knownShare(headOffice.unknownCents), influenceableCents),
        unknownAmount: formatCentsAsUnits(headOffice.unknownCents),
      },
    },
    byRing: establishment.bands,
    byRingHeadOffice: headOffice.bands,
    localMultiplier: localMultiplierSection({
      territory,
      kind,
      suppliers,
      answers: input.surveyAnswers ?? new Map(),
      influenceableCents,
      anchorIds: input.scope.type === 'anchor' ? [input.scope.anchorId] : anchors.map((anchor) => anchor.id),
      period,
      localityMeasurable: measurable,
    }),
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
      headOfficeRing: s.headOfficeRing,
      type: s.type,
    })),
    coverage: {
      locality: {
        knownShare: knownShare(establishment.unknownCents),
        ambiguousAmount: formatCentsAsUnits(establishment.ambiguousCents),
        bySource: establishment.bySource,
        headOffice: { knownShare: knownShare(headOffice.unknownCents), bySource: headOffice.bySource },
      },
      register: registerSummary(
        input.register,
        suppliers.map((supplier) => supplier.key),
        input.profiles,
      ),
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
    socialEconomy: socialEconomyOf(suppliers, influenceableCents),
    smallBusinesses: smallBusinessesOf(suppliers, influenceableCents),
    cooperatives: named
      .filter((s) => s.type === 'cooperative')
      .map((s) => ({
        key: s.key,
        name: s.name,
        ...amountAndShare(s.influenceableCents, influenceableCents),
        ...(s.typeDetail ? { detail: s.typeDetail } : {}),
        ring: s.ring,
      })),
    unmatchedSuppliers: named
      .filter((s) => !s.matched)
      .slice(0, TOP_SUPPLIERS)
      .map((s) => ({
        key: s.key,
        name: s.name,
        ...amountAndShare(s.influenceableCents, influenceableCents),
        lines: s.lines,
        typeKnown: s.type !== 'unknown',
        locationKnown: s.ring !== UNKNOWN,
      })),
    sectorScheme: scheme,
    bySector: sectors.bySector,
    leakage: sectors.leakage,
    opportunities: sectors.opportunities,
    concentration: concentrationOf(suppliers),
    trend: {
      ...trendOf(suppliers, merged, local),
      ...trendComparisonOf(suppliers, merged, local, measurable),
    },
    targets: targetsOf(territory.targets, territory, suppliers, influenceableCents, language),
    anchorComparison: anchorComparisonOf(anchors, suppliers, merged, local),
    dataQuality: {
      rejectedLines: sum(inScope.datasets.map((d) => d.rejectedLines)),
      setAsideLines: sum(inScope.datasets.map((d) => d.setAsideLines)),
      reconciliation: reportReconciliation(
        addReconciliations(inScope.datasets.map(reconciliationOf)),
        language,
      ),
      datasetsNotCounted: datasetsNotCounted(
        inScope.notCounted,
        new Map([...inScope.datasets, ...inScope.notCounted].map((d) => [d.id, d])),
      ),
      undatedAmount: formatCentsAsUnits(undatedCents(purchases)),
      unknownLocalityAmount: formatCentsAsUnits(establishment.unknownCents),
      ambiguousLocalityAmount: formatCentsAsUnits(establishment.ambiguousCents),
      unknownTypeAmount: formatCentsAsUnits(influenceableCents - typedCents),
      largestLines: [...merged.values()]
        .sort((a, b) => b.largestLineCents - a.largestLineCents)
        .slice(0, 5)
        .map((supplier) => ({
          key: supplier.key,
          name: supplier.identity.name,
          amount: formatCentsAsUnits(supplier.largestLineCents),
        })),
      overlaps: overlappingDatasets(inScope.rollups),
    },
    concessions: {
      amount: formatCentsAsUnits(sum(concessions.map((rollup) => rollup.amountCents))),
      lines: sum(concessions.map((rollup) => rollup.lines)),
      concessionaires: new Set(concessions.map((rollup) => rollup.supplier.key)).size,
    },
  };
  return { report, suppliers };
}
