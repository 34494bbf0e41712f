import type { DatasetKind, RebuildAccepted, ReportEntry } from '../contracts/portal-api.ts';
import { OBJECT_PREFIXES } from '../contracts/table.ts';
import { ReportSchema } from '../domain/report/report-schema.ts';
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

/** Each folder segment percent-encoded: an anchor id with a space or `#` still opens its report. */
const reportUrl = (base: string, id: string) =>
  `${base}${id.split('/').map(encodeURIComponent).join('/')}report.html`;

/**
 * The published reports the caller may steer by: the consortium's and their own anchor's, never
 * another anchor's. Read from each report's own `report.json`, so the list says what was published.
 */
export async function listReports(
  deps: Pick<PortalDependencies, 'objects' | 'settings'>,
  caller: Caller,
): Promise<ReportEntry[]> {
  const bucket = deps.settings.reportsBucket;
  const visible = new Set([CONSORTIUM, anchorScope(caller.anchorId)]);
  const ids = (await deps.objects.list(bucket, ROOT))
    .filter((key) => key.endsWith(`/${REPORT_JSON}`))
    .map((key) => key.slice(ROOT.length, -REPORT_JSON.length))
    .filter((id) => visible.has(scopeSegmentOf(id) ?? ''));
  const entries: ReportEntry[] = [];
  for (const id of ids) {
    const text = await deps.objects.readText({ bucket, key: `${ROOT}${id}${REPORT_JSON}` });
    const parsed = text === undefined ? undefined : ReportSchema.safeParse(JSON.parse(text));
    if (!parsed?.success) continue;
    const report = parsed.data;
    const anchorId = report.scope.anchorId;
    entries.push({
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
    });
  }
  return entries.sort(
    (a, b) =>
      Number(b.scope.type === 'consortium') - Number(a.scope.type === 'consortium') ||
      a.kind.localeCompare(b.kind) ||
      (b.period.to ?? '').localeCompare(a.period.to ?? '') ||
      a.language.localeCompare(b.language),
  );
}

/** Asks for the consortium's and the caller's reports to be rebuilt, of one kind or both. */
export async function requestRebuild(
  deps: Pick<PortalDependencies, 'rebuilds'>,
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
  await deps.rebuilds.request(requests);
  return ok({
    requested: requests.map((request) => ({
      kind: request.kind,
      scope: request.anchorId ? ('anchor' as const) : ('consortium' as const),
    })),
  });
}
