import type {
  DatasetKind,
  RebuildAccepted,
  ReportBuild,
  ReportEntry,
  ReportScope,
} from '../contracts/portal-api.ts';
import { OBJECT_PREFIXES } from '../contracts/table.ts';
import { DatasetKindSchema } from '../domain/dataset-kind.ts';
import { BUILD_STATUS_FILE, BuildStatusSchema } from '../domain/report/build-status.ts';
import { type Report, ReportSchema } from '../domain/report/report-schema.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { CONSORTIUM_UPLOADER } from '../domain/territory/consortium.ts';
import type { RebuildRequest } from '../ports/report-rebuilds.ts';
import type { Caller, PortalDependencies } from './portal.ts';

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
 */
export async function listReports(
  deps: Pick<PortalDependencies, 'objects' | 'settings'>,
  caller: Caller,
): Promise<ReportEntry[]> {
  const bucket = deps.settings.reportsBucket;
  const visible = new Set([CONSORTIUM, anchorScope(caller.anchorId)]);
  const keys = await deps.objects.list(bucket, ROOT);
  const published = new Set(idsHolding(keys, REPORT_JSON));
  const ids = [...new Set([...published, ...idsHolding(keys, BUILD_STATUS_FILE)])].filter((id) =>
    visible.has(scopeSegmentOf(id) ?? ''),
  );
  const entries: ReportEntry[] = [];
  for (const id of ids) {
    const lastBuild = await readBuild(deps, `${ROOT}${id}${BUILD_STATUS_FILE}`);
    const report = published.has(id) ? await readReport(deps, `${ROOT}${id}${REPORT_JSON}`) : undefined;
    const entry = report
      ? publishedEntry(deps, id, report, lastBuild)
      : lastBuild && !lastBuild.ok
        ? unpublishedEntry(id, caller, lastBuild)
        : undefined;
    if (entry) entries.push(entry);
  }
  return entries.sort(
    (a, b) =>
      Number(b.scope.type === 'consortium') - Number(a.scope.type === 'consortium') ||
      a.kind.localeCompare(b.kind) ||
      (b.period.to ?? '').localeCompare(a.period.to ?? '') ||
      a.language.localeCompare(b.language),
  );
}

async function readReport(deps: Pick<PortalDependencies, 'objects' | 'settings'>, key: string) {
  const text = await deps.objects.readText({ bucket: deps.settings.reportsBucket, key });
  const parsed = text === undefined ? undefined : ReportSchema.safeParse(JSON.parse(text));
  return parsed?.success ? parsed.data : undefined;
}

/** The latest build's outcome; undefined for a report built before statuses were recorded. */
async function readBuild(
  deps: Pick<PortalDependencies, 'objects' | 'settings'>,
  key: string,
): Promise<ReportBuild | undefined> {
  const text = await deps.objects.readText({ bucket: deps.settings.reportsBucket, key });
  const parsed = text === undefined ? undefined : BuildStatusSchema.safeParse(JSON.parse(text));
  if (!parsed?.success) return undefined;
  const { ok, at, code, reason } = parsed.data;
  return { ok, at, failure: ok ? null : (code ?? null), reason: ok ? null : (reason ?? null) };
}

function publishedEntry(
  deps: Pick<PortalDependencies, 'settings'>,
  id: string,
  report: Report,
  lastBuild: ReportBuild | undefined,
): ReportEntry {
  const anchorId = report.scope.anchorId;
  return {
    id,
    territoryId: report.territory.id,
    territoryName: report.territory.name,
    scope:
      report.scope.type === 'anchor' && anchorId
        ? {
            type: 'anchor',
            anchorId,
            anchorName: report.anchors.find((anchor) => anchor.id === anchorId)?.name ?? null,
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
function unpublishedEntry(id: string, caller: Caller, lastBuild: ReportBuild): ReportEntry | undefined {
  const [territoryId, scopeSegment, kind, language] = id.split('/');
  const parsedKind = DatasetKindSchema.safeParse(kind);
  if (!territoryId || !parsedKind.success || (language !== 'fr' && language !== 'en')) return undefined;
  const scope: ReportScope =
    scopeSegment === CONSORTIUM
      ? { type: 'consortium' }
      : { type: 'anchor', anchorId: caller.anchorId, anchorName: null };
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
