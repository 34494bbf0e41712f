import type {
  DatasetKind,
  RebuildAccepted,
  ReportBuild,
  ReportEntry,
  ReportScope,
} from '../contracts/portal-api.ts';
import { OBJECT_PREFIXES } from '../contracts/table.ts';
import { DatasetKindSchema } from '../domain/dataset-kind.ts';
import { BUILD_STATUS_FILE, type BuildStatus, BuildStatusSchema } from '../domain/report/build-status.ts';
import { type Report, ReportSchema } from '../domain/report/report-schema.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import type { RebuildRequest } from '../ports/report-rebuilds.ts';
import { type InstitutionNameDependencies, institutionName } from './institution-name.ts';
import type { Caller, PortalDependencies } from './portal.ts';
import { readStoredJson } from './stored-json.ts';

const ROOT = OBJECT_PREFIXES.reports;
const REPORT_JSON = 'report.json';
const CONSORTIUM = CONSORTIUM_UPLOADER;
const anchorScope = (anchorId: string) => `anchor-${anchorId}`;

/** `<territory>/<scope>/<kind>/<lang>/` → the scope segment, when the prefix has that shape. */
const scopeSegmentOf = (id: string) => id.split('/')[1];

/** The report folders under the reports root holding `file`, as ids (`<territory>/<scope>/<kind>/<lang>/`). */
const idsHolding = (keys: readonly string[], file: string) =>
  keys.filter((key) => key.endsWith(`/${file}`)).map((key) => key.slice(ROOT.length, -file.length));

/** Each folder segment percent-encoded: an anchor id with a space or `#` still opens its report. */
const reportUrl = (base: string, id: string) =>
  `${base}${id.split('/').map(encodeURIComponent).join('/')}report.html`;

/**
 * The reports the caller may steer by: the consortium's and their own anchor's, never another
 * anchor's. Read from each report's own `report.json`, so the list says what was published, with the
 * outcome of its latest build from `status.json`; a report whose builds all failed is listed too.
 * The anchor's reports are named as the portal names the caller's institution: the report's own list
 * of anchors holds the buyer ids its files give (another SIRET of the same city), not always the
 * caller's.
 */
export async function listReports(
  deps: Pick<PortalDependencies, 'objects' | 'settings'> & InstitutionNameDependencies,
  caller: Caller,
): Promise<ReportEntry[]> {
  const bucket = deps.settings.reportsBucket;
  const visible = new Set([CONSORTIUM, anchorScope(caller.anchorId)]);
  const keys = await deps.objects.list(bucket, ROOT);
  const published = new Set(idsHolding(keys, REPORT_JSON));
  const ids = [...new Set([...published, ...idsHolding(keys, BUILD_STATUS_FILE)])].filter((id) =>
    visible.has(scopeSegmentOf(id) ?? ''),
  );
  const ownName = ids.some((id) => scopeSegmentOf(id) !== CONSORTIUM)
    ? await institutionName(deps, caller.anchorId)
    : null;
  // Every folder's two files at once: the list costs one round trip, not two per report.
  const entries = await Promise.all(
    ids.map(async (id) => {
      const [status, report] = await Promise.all([
        readStoredJson(deps.objects, { bucket, key: `${ROOT}${id}${BUILD_STATUS_FILE}` }, BuildStatusSchema),
        published.has(id)
          ? readStoredJson(deps.objects, { bucket, key: `${ROOT}${id}${REPORT_JSON}` }, ReportSchema)
          : undefined,
      ]);
      const lastBuild = status && buildOf(status);
      if (report) return publishedEntry(deps, id, report, lastBuild, ownName);
      return lastBuild && !lastBuild.ok ? unpublishedEntry(id, caller, lastBuild, ownName) : undefined;
    }),
  );
  return entries
    .filter((entry) => entry !== undefined)
    .sort(
      (a, b) =>
        Number(b.scope.type === 'consortium') - Number(a.scope.type === 'consortium') ||
        a.kind.localeCompare(b.kind) ||
        (b.period.to ?? '').localeCompare(a.period.to ?? '') ||
        a.language.localeCompare(b.language),
    );
}

/** The latest build's outcome as the API gives it (a report built before statuses has none). */
function buildOf({ ok, at, code, reason }: BuildStatus): ReportBuild {
  return { ok, at, failure: ok ? null : (code ?? null), reason: ok ? null : (reason ?? null) };
}

function publishedEntry(
  deps: Pick<PortalDependencies, 'settings'>,
  id: string,
  report: Report,
  lastBuild: ReportBuild | undefined,
  ownName: string | null,
): ReportEntry {
  const anchorId = report.scope.anchorId;
  // The report's own entry names the anchor by its id when nothing better was known at build time.
  const reportedName = report.anchors.find(
    (anchor) => anchor.id === anchorId && anchor.name !== anchorId,
  )?.name;
  return {
    id,
    territoryId: report.territory.id,
    territoryName: report.territory.name,
    scope:
      report.scope.type === 'anchor' && anchorId
        ? {
            type: 'anchor',
            anchorId,
            anchorName: ownName ?? reportedName ?? null,
          }
        : { type: 'consortium' },
    kind: report.kind,
    language: report.language,
    period: report.period,
    publishedAt: report.generatedAt,
    localShare: report.headline.measurable ? report.headline.localShare : null,
    knownLocalityShare: report.headline.knownLocalityShare,
    url: reportUrl(deps.settings.reportsBaseUrl, id),
    lastBuild: lastBuild ?? null,
  };
}

/** A report never published, whose latest build failed: what its folder says, and why. */
function unpublishedEntry(
  id: string,
  caller: Caller,
  lastBuild: ReportBuild,
  ownName: string | null,
): ReportEntry | undefined {
  const [territoryId, scopeSegment, kind, language] = id.split('/');
  const parsedKind = DatasetKindSchema.safeParse(kind);
  if (!territoryId || !parsedKind.success || (language !== 'fr' && language !== 'en')) return undefined;
  const scope: ReportScope =
    scopeSegment === CONSORTIUM
      ? { type: 'consortium' }
      : { type: 'anchor', anchorId: caller.anchorId, anchorName: ownName };
  return {
    id,
    territoryId,
    territoryName: null,
    scope,
    kind: parsedKind.data,
    language,
    period: { from: null, to: null },
    publishedAt: null,
    localShare: null,
    knownLocalityShare: null,
    url: null,
    lastBuild,
  };
}

/**
 * Asks for the consortium's and the caller's reports to be rebuilt, of one kind or both. The builds
 * run later: each one's outcome is its report's `lastBuild` in the list.
 */
export async function requestRebuild(
  deps: Pick<PortalDependencies, 'rebuilds' | 'clock'>,
  caller: Caller,
  kind: DatasetKind | undefined,
): Promise<Result<RebuildAccepted>> {
  if (!deps.rebuilds)
    return fail('reports are rebuilt by the command line in this setup, not from the portal');
  const kinds: DatasetKind[] = kind ? [kind] : ['payments', 'contracts'];
  // The consortium's own sign-in (locally) has no anchor report: its files count in the consortium's.
  const ownReport = caller.anchorId !== CONSORTIUM;
  const requests: RebuildRequest[] = kinds.flatMap((each) => [
    ...(ownReport ? [{ kind: each, anchorId: caller.anchorId }] : []),
    { kind: each },
  ]);
  const requestedAt = deps.clock.now().toISOString();
  await deps.rebuilds.request(requests);
  return ok({
    requestedAt,
    requested: requests.map((request) => ({
      kind: request.kind,
      scope: request.anchorId ? ('anchor' as const) : ('consortium' as const),
    })),
  });
}
