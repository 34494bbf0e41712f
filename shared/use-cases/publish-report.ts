import { OBJECT_PREFIXES } from '../contracts/table.ts';
import type { DatasetRecord } from '../domain/dataset.ts';
import type { DatasetKind } from '../domain/dataset-kind.ts';
import type { FrenchGeography } from '../domain/geography/french-geography.ts';
import type { ExclusionRule } from '../domain/influenceable.ts';
import { latestAnswerBySupplier, surveyAnchorsFor } from '../domain/multiplier/answers-for-report.ts';
import type { AcceptedAnswer } from '../domain/multiplier/survey-answer.ts';
import { anchorProfileKey, buildReport } from '../domain/report/build-report.ts';
import { BUILD_STATUS_FILE, type BuildFailure, type BuildStatus } from '../domain/report/build-status.ts';
import { maskNaturalPersons, naturalPersonKeys } from '../domain/report/mask-natural-persons.ts';
import { METHOD_VERSION, type Report, ReportSchema } from '../domain/report/report-schema.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import { localRingsOf, type Territory } from '../domain/territory/territory.ts';
import type { Clock } from '../ports/clock.ts';
import type { DatasetStore } from '../ports/dataset-store.ts';
import type { ObjectStore } from '../ports/object-store.ts';
import type { ProfileStore } from '../ports/profile-store.ts';
import type { RegistryState } from '../ports/registry-state.ts';
import type { SurveyAnswers } from '../ports/survey-answers.ts';
import type { TerritoryCatalog } from '../ports/territory-catalog.ts';
import { renderCsvExports } from '../render/csv-exports.ts';
import { renderReportHtml } from '../render/report-html.ts';
import { type ReportIndexEntry, renderReportIndex } from '../render/report-index.ts';
import { readStoredJson } from './stored-json.ts';

const REPORTS_ROOT = OBJECT_PREFIXES.reports;

export interface ReportDependencies {
  readonly objects: ObjectStore;
  readonly datasets: DatasetStore;
  readonly territories: TerritoryCatalog;
  readonly profiles: ProfileStore;
  readonly geography: FrenchGeography;
  readonly exclusionRules: readonly ExclusionRule[];
  readonly clock: Clock;
  readonly settings: { readonly reportsBucket: string };
  /** The register's refresh and lookups, which the report states; absent: it says none ran. */
  readonly registry?: Pick<RegistryState, 'readStatus' | 'readLookupRun'> | undefined;
  /** Supplier-survey answers for the local multiplier's round 3; absent: every supplier takes a default. */
  readonly surveyAnswers?: SurveyAnswers | undefined;
  /** Told of each report that could not be built, for the operators (a count an alarm watches). */
  readonly onBuildFailure?: ((failure: BuildFailure & { readonly report: string }) => void) | undefined;
  /** Told of each report published: how long it took, and how many records it read to get there. */
  readonly onBuilt?: ((built: BuildMeasure) => void) | undefined;
}

export interface BuildMeasure {
  readonly report: string;
  readonly durationMs: number;
  /** Datasets listed, rollups read and supplier profiles asked for. */
  readonly reads: number;
}

export interface ReportRequest {
  readonly territoryId: string;
  readonly kind: DatasetKind;
  readonly language?: 'fr' | 'en' | undefined;
  readonly anchorId?: string | undefined;
}

export type ReportOutcome =
  | {
      readonly published: true;
      readonly report: Report;
      readonly prefix: string;
      readonly files: readonly string[];
    }
  | { readonly published: false; readonly reason: string; readonly code?: BuildFailure['code'] };

/** Where a report's files live in the reports bucket: one folder per territory, scope, kind and language. */
export function reportPrefix(request: ReportRequest, language: string): string {
  const scope = request.anchorId ? `anchor-${request.anchorId}` : 'consortium';
  return `${REPORTS_ROOT}${request.territoryId}/${scope}/${request.kind}/${language}/`;
}

/**
 * Builds a report from the rollups of fully ingested datasets (never from lines) joined with the
 * territory and geography, and writes report.json, report.html and CSV exports. Every attempt on a
 * known territory also writes status.json in the report's folder, so that a rebuild that fails is
 * seen as failed (the portal says so) rather than leaving the last published report as if current.
 */
export async function publishReport(
  deps: ReportDependencies,
  request: ReportRequest,
): Promise<ReportOutcome> {
  if (request.anchorId === CONSORTIUM_UPLOADER) {
    return { published: false, reason: 'the consortium has its own report: ask for it without an anchor' };
  }
  const territory = await deps.territories.get(request.territoryId);
  if (!territory) return { published: false, reason: `unknown territory "${request.territoryId}"` };
  const language = request.language ?? territory.language;
  const started = performance.now();
  const listed = (await deps.datasets.listDatasets({ kind: request.kind })).sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  const datasets = listed.filter((dataset) => dataset.status === 'INGESTED');
  const notCounted = listed.filter(
    (dataset) =>
      dataset.status === 'SUPERSEDED' || (dataset.status === 'REJECTED' && dataset.duplicateOf !== undefined),
  );
  const prefix = reportPrefix(request, language);
  const currencies = new Set(datasets.map((dataset) => dataset.currency));
  if (currencies.size > 1) {
    const failure: BuildFailure = {
      code: 'several-currencies',
      reason: `the datasets are in several currencies (${[...currencies].sort().join(', ')})`,
    };
    await writeStatus(deps, prefix, { ok: false, ...failure });
    deps.onBuildFailure?.({ ...failure, report: prefix });
    return { published: false, ...failure };
  }
  const rollupsByDataset = new Map(
    await Promise.all(
      datasets.map(async (dataset) => [dataset.id, await deps.datasets.readRollups(dataset.id)] as const),
    ),
  );
  const rollups = [...rollupsByDataset.values()].flat();
  const profiles = await deps.profiles.getProfiles([
    ...rollups.map((rollup) => rollup.supplier.key),
    ...new Set(rollups.map((rollup) => anchorProfileKey(rollup.anchorId))),
  ]);
  const unmasked = buildReport({
    profiles,
    rollupsByDataset,
    localEstablishments: await localEstablishmentsOf(deps, territory),
    register: {
      stock: await deps.registry?.readStatus(),
      lookups: await deps.registry?.readLookupRun(),
    },
    surveyAnswers: await surveyAnswersFor(deps, territory, datasets, request.anchorId),
    territory,
    kind: request.kind,
    language,
    scope: request.anchorId ? { type: 'anchor', anchorId: request.anchorId } : { type: 'consortium' },
    datasets,
    notCounted,
    geography: deps.geography,
    exclusionRules: territory.exclusionRules ?? deps.exclusionRules,
    generatedAt: deps.clock.now(),
  });
  // The reports site is public: natural persons go out aggregated, never named (docs/method.md).
  const built = maskNaturalPersons(
    unmasked,
    naturalPersonKeys({ suppliers: unmasked.suppliers, rollups, profiles }),
  );
  const report = ReportSchema.parse(built.report);
  const files = new Map<string, { body: string; type: string }>([
    ['report.json', { body: `${JSON.stringify(report, null, 2)}\n`, type: 'application/json' }],
    ['report.html', { body: await renderReportHtml(report), type: 'text/html; charset=utf-8' }],
    [BUILD_STATUS_FILE, { body: statusBody(deps, { ok: true }), type: 'application/json' }],
  ]);
  for (const [name, body] of renderCsvExports(report, built.suppliers)) {
    files.set(name, { body, type: 'text/csv; charset=utf-8' });
  }
  await Promise.all(
    [...files].map(([name, file]) =>
      deps.objects.put(
        { bucket: deps.settings.reportsBucket, key: `${prefix}${name}` },
        file.body,
        file.type,
      ),
    ),
  );
  await publishIndex(deps, language);
  deps.onBuilt?.({
    report: prefix,
    durationMs: performance.now() - started,
    reads: listed.length + rollups.length + profiles.size,
  });
  return { published: true, report, prefix, files: [...files.keys()] };
}

const statusBody = (deps: ReportDependencies, outcome: Pick<BuildStatus, 'ok' | 'code' | 'reason'>) =>
  `${JSON.stringify({ ...outcome, at: deps.clock.now().toISOString(), methodVersion: METHOD_VERSION } satisfies BuildStatus)}\n`;

async function writeStatus(
  deps: ReportDependencies,
  prefix: string,
  outcome: Pick<BuildStatus, 'ok' | 'code' | 'reason'>,
): Promise<void> {
  await deps.objects.put(
    { bucket: deps.settings.reportsBucket, key: `${prefix}${BUILD_STATUS_FILE}` },
    statusBody(deps, outcome),
    'application/json',
  );
}

/**
 * The reports a newly counted dataset changes, rebuilt one after the other: its uploader's and the
 * consortium's; for a consortium-wide upload, every anchor's, since its lines may name each of them.
 * Returns the consortium report's outcome.
 */
export async function publishAfterIngest(
  deps: ReportDependencies,
  request: Omit<ReportRequest, 'anchorId'> & { readonly uploaderId: string },
): Promise<ReportOutcome> {
  const { uploaderId, ...rest } = request;
  const anchors =
    uploaderId === CONSORTIUM_UPLOADER
      ? ((await deps.territories.get(request.territoryId))?.anchors.map((anchor) => anchor.id) ?? [])
      : [uploaderId];
  for (const anchorId of anchors) await publishReport(deps, { ...rest, anchorId });
  return publishReport(deps, rest);
}

/**
 * Rewrites `reports/index.html`, the list of every published report, so the reports bucket is a
 * browsable static site. Paths in the index are relative to `reports/`.
 */
async function publishIndex(deps: ReportDependencies, language: 'fr' | 'en'): Promise<void> {
  const bucket = deps.settings.reportsBucket;
  const keys = await deps.objects.list(bucket, REPORTS_ROOT);
  const reportKeys = keys.filter((candidate) => candidate.endsWith('/report.json'));
  // Read at once: the index is rewritten after every build, and each read is a round trip.
  const reports = await Promise.all(
    reportKeys.map(async (key) => ({
      key,
      report: await readStoredJson(deps.objects, { bucket, key }, ReportSchema),
    })),
  );
  const entries: ReportIndexEntry[] = [];
  for (const { key, report } of reports) {
    if (!report) continue;
    entries.push({
      prefix: key.slice(REPORTS_ROOT.length, -'report.json'.length),
      territory: report.territory.name,
      scope:
        report.scope.type === 'anchor'
          ? (report.anchors[0]?.name ?? report.scope.anchorId ?? '')
          : 'consortium',
      kind: report.kind,
      language: report.language,
      period: report.period,
      generatedAt: report.generatedAt,
      ...(report.headline.measurable
        ? { localShare: report.headline.localShare }
        : { localShare: null, knownLocalityShare: report.headline.knownLocalityShare }),
    });
  }
  await deps.objects.put(
    { bucket, key: `${REPORTS_ROOT}index.html` },
    renderReportIndex(entries, language),
    'text/html; charset=utf-8',
  );
}

/** The survey answers a report uses, by supplier key (docs/method.md, "Local multiplier (LM3)"). */
async function surveyAnswersFor(
  deps: ReportDependencies,
  territory: Territory,
  datasets: readonly DatasetRecord[],
  anchorId: string | undefined,
): Promise<ReadonlyMap<string, AcceptedAnswer>> {
  if (!deps.surveyAnswers) return new Map();
  const anchorIds = surveyAnchorsFor(
    territory,
    datasets.map((dataset) => dataset.anchorId),
    anchorId,
  );
  return latestAnswerBySupplier(await deps.surveyAnswers.acceptedAnswers(anchorIds));
}

/**
 * Active establishments by NAF division in the territory's local rings, from the loaded registry
 * files; undefined when the local rings are not lists of communes, or no registry counted them.
 */
async function localEstablishmentsOf(deps: ReportDependencies, territory: Territory) {
  const local = localRingsOf(territory);
  if (local.some((ring) => !ring.communes)) return undefined;
  const counts = await deps.profiles.countEstablishments(local.flatMap((ring) => ring.communes ?? []));
  return counts.size > 0 ? counts : undefined;
}
